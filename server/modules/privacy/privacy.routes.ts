import { personParams } from "../../../common/schemas/people.ts";
import { attachment, defineRoutes, route, withHeaders } from "../../http/route-table.ts";
import { erasePerson, exportOwnData, exportPersonData } from "./privacy.service.ts";

/** GDPR: data export (own, or by a coordinator) and erasure. */
export const privacyRoutes = defineRoutes(
  ["privacy"],
  [
    route.get(
      "/api/me/export",
      { summary: "Download everything Beklijf holds about me (JSON)" },
      async (scope) => withHeaders(attachment("beklijf-my-data.json"), await exportOwnData(scope)),
    ),

    route.get(
      "/api/people/:personId/export",
      { summary: "Download everything Beklijf holds about a person (JSON)", params: personParams },
      async (scope, { params }) =>
        withHeaders(
          attachment(`beklijf-person-${params.personId}.json`),
          await exportPersonData(scope, params),
        ),
    ),

    route.delete(
      "/api/people/:personId",
      {
        summary: "Erase a person's personal data (GDPR); cannot be undone",
        params: personParams,
        status: 204,
      },
      (scope, { params }) => erasePerson(scope, params),
    ),
  ],
);
