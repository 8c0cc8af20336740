import { difficultCustomerConversations } from "./difficult-customer-conversations.ts";
import { newPlanningSystem } from "./new-planning-system.ts";
import type { TrajectoryTemplate } from "./template.ts";
import { workingSafelyAtHeight } from "./working-safely-at-height.ts";

export const trajectoryTemplates: TrajectoryTemplate[] = [
  difficultCustomerConversations,
  newPlanningSystem,
  workingSafelyAtHeight,
];
