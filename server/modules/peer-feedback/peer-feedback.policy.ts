/**
 * Peer feedback stays between two people of one cohort: the one who asks and the colleague asked.
 * The service loads the facts (cohort membership, the request's two people); these rules decide.
 */

interface FeedbackRequest {
  requesterId: string;
  colleagueId: string;
}

/** Ask an active colleague from the same cohort, not yourself. */
export const canAsk = ({
  actorId,
  colleagueId,
  colleagueInCohort,
}: {
  actorId: string;
  colleagueId: string;
  colleagueInCohort: boolean;
}): boolean => colleagueInCohort && colleagueId !== actorId;

/** A request can be about one of the asker's own applications only. */
export const canReferTo = ({
  actorId,
  applicationOwnerId,
}: {
  actorId: string;
  applicationOwnerId: string;
}) => actorId === applicationOwnerId;

/** Only the colleague asked answers. */
export const canAnswer = ({ actorId, request }: { actorId: string; request: FeedbackRequest }): boolean =>
  request.colleagueId === actorId;

/** The request, its answer and its photo or video are for the two people in it. */
export const isParticipant = ({ actorId, request }: { actorId: string; request: FeedbackRequest }): boolean =>
  request.requesterId === actorId || request.colleagueId === actorId;
