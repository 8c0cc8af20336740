import type { Actor } from "../../http/context.ts";
import { authorize as authorizeWith, type Grants } from "../../policy.ts";

export type TrajectoryPermission = "trajectory.read" | "trajectory.write" | "cohort.read" | "cohort.plan";

export const trajectoryGrants: Grants<TrajectoryPermission> = {
  "trajectory.read": ["coordinator", "designer", "manager", "coach"],
  "trajectory.write": ["coordinator", "designer"],
  "cohort.read": ["coordinator", "designer", "manager"],
  "cohort.plan": ["coordinator", "designer"],
};

export function authorize(actor: Actor, permission: TrajectoryPermission): void {
  authorizeWith(trajectoryGrants, actor, permission);
}
