/** What other modules may use of this one; everything else in the folder is its own business. */
export { collectLearningData, eraseLearningData } from "./learner-data.ts";
export { getToday, getTodays } from "./today.service.ts";
export { taskStatesOf, taskStatesOfPeople, type TaskState } from "./task-states.ts";
