import type { Actor } from "../../http/context.ts";
import { forbidden } from "../../errors.ts";
import { authorizerFor, can, type Grants } from "../../policy.ts";

export type CertificatePermission = "certificates.anyone";

/**
 * A certificate or training record names a person and what she did, so it goes to few people:
 * the coordinator (who runs training and answers auditors and subsidy schemes) for anyone, and the
 * learner for herself. Not her manager: the team view already shows a manager her progress, and a
 * document that leaves the building (a subsidy file, an audit) is the coordinator's to hand over
 * (decision 0018).
 */
export const certificateGrants: Grants<CertificatePermission> = {
  "certificates.anyone": ["coordinator"],
};

export const authorize = authorizerFor(certificateGrants);

/** The first line of every download: the coordinator, or the person the document is about. */
export function authorizeRecordOf(actor: Actor, personId: string): void {
  if (actor.personId === personId || can(certificateGrants, actor, "certificates.anyone")) return;
  throw forbidden("certificates.anyone");
}
