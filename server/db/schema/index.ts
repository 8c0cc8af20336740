export * from "./organisations.ts";
export * from "./auth.ts";
export * from "./notifications.ts";
export * from "./trajectories.ts";
export * from "./culture-scan.ts";
export * from "./learning.ts";
export * from "./transfer.ts";
export * from "./badges.ts";
