/** Roles a person can hold in an organisation; one person may hold several. */
export const roles = ["coordinator", "designer", "manager", "learner", "coach"] as const;
export type Role = (typeof roles)[number];
