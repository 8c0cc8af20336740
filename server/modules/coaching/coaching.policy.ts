import { authorizerFor, type Grants } from "../../policy.ts";

/** Role grants: coaching others is for coaches; being coached needs no role. */
export const coachingGrants: Grants<"coaching.coach"> = { "coaching.coach": ["coach"] };

export const authorize = authorizerFor(coachingGrants);

interface Relation {
  coachId: string;
  coacheeId: string;
  status: "invited" | "accepted" | "declined";
}

/** A coach offers coaching to an active colleague, never to themselves. */
export const canOffer = ({
  actorId,
  personId,
  personActive,
}: {
  actorId: string;
  personId: string;
  personActive: boolean;
}): boolean => personActive && personId !== actorId;

/** Only the coachee answers an offer (and may change their answer later). */
export const canAnswer = ({ actorId, relation }: { actorId: string; relation: Relation }): boolean =>
  relation.coacheeId === actorId;

/** The coach sees a coachee's plans and sessions only after the coachee accepted. */
export const canSeePlans = (relation: Pick<Relation, "status">): boolean => relation.status === "accepted";

/** Sessions are scheduled by the relation's coach, on an accepted relation only. */
export const canSchedule = ({ actorId, relation }: { actorId: string; relation: Relation }): boolean =>
  relation.coachId === actorId && canSeePlans(relation);

/** Only the relation's coach, who wrote the session, corrects or deletes it. */
export const canChangeSession = ({ actorId, relation }: { actorId: string; relation: Relation }): boolean =>
  relation.coachId === actorId;

/** A session can be about one of the coachee's own plans, no one else's. */
export const canLinkPlan = ({
  planOwnerId,
  relation,
}: {
  planOwnerId: string;
  relation: Relation;
}): boolean => planOwnerId === relation.coacheeId;
