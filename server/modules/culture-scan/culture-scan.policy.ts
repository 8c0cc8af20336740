import type { Actor } from "../../http/context.ts";
import { authorize as authorizeWith, type Grants } from "../../policy.ts";

export type ScanPermission = "scan.manage" | "scan.results";

export const scanGrants: Grants<ScanPermission> = {
  "scan.manage": ["coordinator"],
  "scan.results": ["coordinator"],
};

export function authorize(actor: Actor, permission: ScanPermission): void {
  authorizeWith(scanGrants, actor, permission);
}
