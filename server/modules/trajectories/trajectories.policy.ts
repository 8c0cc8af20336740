import type { Actor } from "../../http/context.ts";
import { authorize as authorizeWith, type Grants } from "../../policy.ts";

export type TrajectoryPermission = "trajectory.read" | "trajectory.write";

/** Designers and coordinators shape trajectories; managers and coaches read them to guide learners. */
export const trajectoryGrants: Grants<TrajectoryPermission> = {
  "trajectory.read": ["coordinator", "designer", "manager", "coach"],
  "trajectory.write": ["coordinator", "designer"],
};

export function authorize(actor: Actor, permission: TrajectoryPermission): void {
  authorizeWith(trajectoryGrants, actor, permission);
}
