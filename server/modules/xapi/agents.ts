import { type Json, type JsonObject, isObject, isUuid } from "./formats.ts";

/**
 * An agent or identified group as one text, by its inverse functional identifier: the same text the
 * database derives for `xapi_statements.actor_key` (schema/xapi.ts), so a query's `agent` finds it.
 * An anonymous group has none (null).
 */
export function agentKey(value: Json | undefined): string | null {
  if (!isObject(value)) return null;
  if (typeof value.mbox === "string") return `mbox:${value.mbox}`;
  if (typeof value.mbox_sha1sum === "string") return `sha1:${value.mbox_sha1sum}`;
  if (typeof value.openid === "string") return `openid:${value.openid}`;
  if (isObject(value.account))
    return `account:${String(value.account.homePage)} ${String(value.account.name)}`;
  return null;
}

/** The Beklijf person an agent is, when it is an account on this installation (`site`). */
export function personOfAgent(value: Json | undefined, site: string): string | null {
  if (!isObject(value) || !isObject(value.account) || value.account.homePage !== site) return null;
  const name = value.account.name;
  return isUuid(name) ? name.toLowerCase() : null;
}

const isAgentLike = (o: JsonObject) => o.objectType === "Agent" || o.objectType === "Group";

/** An agent, and for a group each member too: a member of a group is an agent the statement is about. */
function keysOf(value: Json | undefined): string[] {
  if (!isObject(value)) return [];
  const own = agentKey(value);
  const members = Array.isArray(value.member) ? value.member.flatMap(keysOf) : [];
  return own ? [own, ...members] : members;
}

function activityIds(list: Json | undefined): string[] {
  const entries = Array.isArray(list) ? list : list === undefined ? [] : [list];
  return entries.flatMap((a) => (isObject(a) && typeof a.id === "string" ? [a.id] : []));
}

function contextParts(context: Json | undefined) {
  if (!isObject(context)) return { agents: [], activities: [] };
  const ca = isObject(context.contextActivities) ? context.contextActivities : {};
  const contextAgents = Array.isArray(context.contextAgents) ? context.contextAgents : [];
  const contextGroups = Array.isArray(context.contextGroups) ? context.contextGroups : [];
  return {
    agents: [
      ...keysOf(context.instructor),
      ...keysOf(context.team),
      ...contextAgents.flatMap((c) => (isObject(c) ? keysOf(c.agent) : [])),
      ...contextGroups.flatMap((c) => (isObject(c) ? keysOf(c.group) : [])),
    ],
    activities: Object.values(ca).flatMap(activityIds),
  };
}

/**
 * What the `related_agents` and `related_activities` filters look through: actor, object, authority,
 * context agents and activities, and the same of a SubStatement.
 */
export function relatedOf(statement: JsonObject): { agents: string[]; activities: string[] } {
  const agents = new Set<string>();
  const activities = new Set<string>();
  const visit = (s: JsonObject) => {
    for (const key of keysOf(s.actor)) agents.add(key);
    for (const key of keysOf(s.authority)) agents.add(key);
    const object = isObject(s.object) ? s.object : {};
    if (isAgentLike(object)) for (const key of keysOf(object)) agents.add(key);
    else if (object.objectType === "SubStatement") visit(object);
    else if (object.objectType !== "StatementRef" && typeof object.id === "string") activities.add(object.id);
    const context = contextParts(s.context);
    for (const key of context.agents) agents.add(key);
    for (const id of context.activities) activities.add(id);
  };
  visit(statement);
  return { agents: [...agents], activities: [...activities] };
}

/** The object's agent identifier when the object is an agent or identified group. */
export function objectAgentKey(statement: JsonObject): string | null {
  const object = statement.object;
  return isObject(object) && isAgentLike(object) ? agentKey(object) : null;
}
