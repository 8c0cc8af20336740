import type { AiSettingsBody, AiSettingsView } from "../../../common/schemas/ai.ts";
import { recordAudit } from "../../audit.ts";
import type { SecretSealer } from "../../crypto/secrets.ts";
import { aiSettings } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { invalid } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import { authorize } from "./ai.policy.ts";

/** What the module is given: the installation's sealer of secrets. */
export interface AiDeps {
  sealer: () => Promise<SecretSealer>;
}

/** The sealed key is bound to its organisation: copied to another one, it does not open. */
export const apiKeyContext = (organisationId: string): string => `ai-api-key:${organisationId}`;

export type AiSettingsRow = typeof aiSettings.$inferSelect;

export async function findAiSettings(tenant: Tenant): Promise<AiSettingsRow | undefined> {
  const [row] = await tenant.selectRows(aiSettings);
  return row;
}

/** The provider as the coordinator sees it: never the key. Off (and empty) until someone sets it up. */
export async function getAiSettings({ tenant, actor }: Scope): Promise<AiSettingsView> {
  authorize(actor, "ai.manage");
  const row = await findAiSettings(tenant);
  return {
    enabled: row?.enabled ?? false,
    baseUrl: row?.baseUrl ?? null,
    model: row?.model ?? null,
    hasApiKey: Boolean(row?.apiKeySealed),
  };
}

/**
 * Saves the provider. The key is sealed at once; an absent or empty key keeps the stored one, except
 * when the address changes: a key is for one provider, so a new address needs its key again (or none,
 * for a model on the company's own machine).
 */
export async function saveAiSettings(
  { tenant, actor, now }: Scope,
  deps: AiDeps,
  body: AiSettingsBody,
): Promise<AiSettingsView> {
  authorize(actor, "ai.manage");
  const before = await findAiSettings(tenant);
  const sameProvider = before?.baseUrl === body.baseUrl;
  const apiKeySealed = body.apiKey
    ? (await deps.sealer()).seal(body.apiKey, apiKeyContext(tenant.organisationId))
    : sameProvider
      ? (before?.apiKeySealed ?? null)
      : null;
  if (body.enabled && !body.model) throw invalid("model", "required");
  const values = {
    enabled: body.enabled,
    baseUrl: body.baseUrl,
    model: body.model,
    apiKeySealed,
    updatedAt: now,
  };
  await tenant.transaction(async (tx) => {
    if (before) await tx.db.update(aiSettings).set(values).where(tx.where(aiSettings));
    else
      await tx.db
        .insert(aiSettings)
        .values(tx.row(values))
        .onConflictDoUpdate({
          target: [aiSettings.organisationId],
          set: values,
        });
    // The audit says what changed, never the key.
    await recordAudit(
      tx,
      actor,
      "ai.configured",
      { type: "ai-settings" },
      {
        enabled: body.enabled,
        provider: new URL(body.baseUrl).host,
        model: body.model,
        keyChanged: Boolean(body.apiKey),
      },
    );
  });
  return {
    enabled: body.enabled,
    baseUrl: body.baseUrl,
    model: body.model,
    hasApiKey: apiKeySealed !== null,
  };
}
