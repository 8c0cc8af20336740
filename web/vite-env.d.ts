/// <reference types="vite/client" />

/** The build's version and time (vite.config.ts): busts the persisted query cache on a new build. */
declare const __BUILD_ID__: string;

/** Each catalogue in two chunks, the first screens' texts and the rest (scripts/catalogue-parts.ts). */
declare module "virtual:catalogue-parts" {
  import type { ResourceKey } from "i18next";
  type Part = () => Promise<{ default: ResourceKey }>;
  export const catalogueParts: Record<"en" | "nl" | "fr" | "nl-BE", { first: Part; rest: Part }>;
}
