import type { ApplicationOutcome } from "../../../common/schemas/action-plans.ts";
import { isConfirmable } from "../action-plans/index.ts";
import { canRecordCheckIn } from "../team/index.ts";

/**
 * A digest link carries its own authority (a signature), but only while what it was signed for still
 * holds: the manager and the learner are both active and the manager still manages the learner. So a
 * deactivated manager's links stop working, as their sign-in does.
 */
export const canUseLink = ({
  managerActive,
  learnerActive,
  managesLearner,
}: {
  managerActive: boolean;
  learnerActive: boolean;
  managesLearner: boolean;
}): boolean => managerActive && learnerActive && canRecordCheckIn({ managesMember: managesLearner });

/** "I saw it applied" confirms an application of the learner the link names, one that can be confirmed. */
export const linkConfirms = ({
  application,
  learnerId,
}: {
  application: { personId: string; outcome: ApplicationOutcome };
  learnerId: string;
}): boolean => application.personId === learnerId && isConfirmable(application.outcome);
