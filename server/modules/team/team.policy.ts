/**
 * The team screen shows a manager only the teams they manage (the service reads those by the manager's
 * own memberships); these rules decide what a manager may record about a member.
 */

/** A check-in is recorded by a manager of a team in which the person is a member, by no one else. */
export const canRecordCheckIn = ({ managesMember }: { managesMember: boolean }): boolean => managesMember;

/** Only the manager who recorded a check-in corrects or deletes it. */
export const canChangeCheckIn = ({ actorId, authorId }: { actorId: string; authorId: string }): boolean =>
  actorId === authorId;
