import { homeResponse } from "../../../common/schemas/me.ts";
import { defineRoutes, route } from "../../http/route-table.ts";
import { getHome } from "./home.service.ts";

/** The home screen: the blocks of every module a person's roles touch, composed in one answer. */
export const homeRoutes = defineRoutes(
  ["me"],
  [
    route.get(
      "/api/home",
      { summary: "The home screen for the person's roles", response: homeResponse },
      (scope) => getHome(scope),
    ),
  ],
);
