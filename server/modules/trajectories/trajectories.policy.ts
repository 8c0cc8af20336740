import { authorizerFor, type Grants } from "../../policy.ts";

export type TrajectoryPermission = "trajectory.read" | "trajectory.write";

/** Designers and coordinators shape trajectories; managers and coaches read them to guide learners. */
export const trajectoryGrants: Grants<TrajectoryPermission> = {
  "trajectory.read": ["coordinator", "designer", "manager", "coach"],
  "trajectory.write": ["coordinator", "designer"],
};

export const authorize = authorizerFor(trajectoryGrants);
