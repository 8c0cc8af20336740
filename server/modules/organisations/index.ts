/** What other modules may use of this one; everything else in the folder is its own business. */
export { getHomeBasics, type HomeBasics } from "./home.service.ts";
export { organisationOf, type Organisation } from "./organisation.service.ts";
export { authorize } from "./organisations.policy.ts";
export { detectDelimiter } from "./people-import.ts";
export { assertAnotherCoordinatorRemains, isUniqueViolation } from "./people.service.ts";
export { managedMemberIds, managerIdsOf, managesPerson, membersOf, teamsOf } from "./relationships.ts";
