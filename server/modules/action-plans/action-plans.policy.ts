import type { ApplicationOutcome } from "../../../common/schemas/action-plans.ts";

/**
 * Who may do what with a plan. Plans are private to the learner; the only other person who acts on them
 * is a manager of the learner's team, who confirms an application. Relationship facts (who manages whom)
 * are loaded by the service; these rules only decide.
 */

/** Only the learner logs applications on their own plan. */
export const canLogOn = ({ actorId, ownerId }: { actorId: string; ownerId: string }): boolean =>
  actorId === ownerId;

/** Only the learner edits, archives or restores her plan. */
export const canChangePlan = ({ actorId, ownerId }: { actorId: string; ownerId: string }): boolean =>
  actorId === ownerId;

/**
 * Only the learner who wrote an application corrects or removes it; whether a manager confirmed it
 * (after which it stays as it was) is checked by the service.
 */
export const canCorrectApplication = ({ actorId, ownerId }: { actorId: string; ownerId: string }): boolean =>
  actorId === ownerId;

/** A manager of the learner's team confirms an application; never the learner themselves. */
export const canConfirm = ({
  actorId,
  learnerId,
  managesLearner,
}: {
  actorId: string;
  learnerId: string;
  managesLearner: boolean;
}): boolean => actorId !== learnerId && managesLearner;

/** "I did not act" has nothing a manager could have seen. */
export const isConfirmable = (outcome: ApplicationOutcome): boolean => outcome !== "did-not-act";

/** "I did not act" is for the learner's own reflection and the coach; it is not sent to managers. */
export const tellsManagers = (outcome: ApplicationOutcome): boolean => outcome !== "did-not-act";
