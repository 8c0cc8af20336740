import { authorizerFor, type Grants } from "../../policy.ts";

export type ScanPermission = "scan.manage" | "scan.results";

export const scanGrants: Grants<ScanPermission> = {
  "scan.manage": ["coordinator"],
  "scan.results": ["coordinator"],
};

export const authorize = authorizerFor(scanGrants);
