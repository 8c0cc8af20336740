import { createHash } from "node:crypto";
import { and, eq, inArray, isNotNull, or } from "drizzle-orm";
import { xapiDocuments, xapiStatements } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { deleteLaunchCredentialsOf } from "./clients.ts";

/**
 * A person's part of the learning record store for the GDPR export and erasure. Statements are in the
 * learning export already (by person); here are the documents content keeps about them (State, Agent
 * Profile: suspend data, preferences), which are theirs alone.
 */
export async function collectXapiDocuments(tenant: Tenant, personId: string) {
  const rows = await tenant.select(
    xapiDocuments,
    {
      kind: xapiDocuments.kind,
      activityId: xapiDocuments.activityId,
      documentId: xapiDocuments.documentId,
      contentType: xapiDocuments.contentType,
      content: xapiDocuments.content,
      updatedAt: xapiDocuments.updatedAt,
    },
    eq(xapiDocuments.personId, personId),
  );
  return rows.map(({ content, ...row }) => ({
    ...row,
    // Text stays readable in the export; anything else is given as base64.
    content: /^(text\/|application\/json)/.test(row.contentType)
      ? content.toString("utf8")
      : content.toString("base64"),
  }));
}

/** The identifiers content may use for a person with this email address (mbox and its SHA-1). */
function emailKeys(email: string): string[] {
  const mbox = `mailto:${email}`;
  return [`mbox:${mbox}`, `sha1:${createHash("sha1").update(mbox).digest("hex")}`];
}

/**
 * Erasure: the person's documents and launch credentials go, and so do statements content or other
 * systems sent about them (they may hold names, free-text answers). Beklijf's own statements name
 * only the account id and stay under the anonymous placeholder, like the other learning records.
 */
export async function eraseXapiData(
  tenant: Tenant,
  options: { personId: string; email: string },
): Promise<void> {
  const { personId, email } = options;
  await tenant.db
    .delete(xapiDocuments)
    .where(tenant.where(xapiDocuments, eq(xapiDocuments.personId, personId)));
  await tenant.db
    .delete(xapiStatements)
    .where(
      tenant.where(
        xapiStatements,
        or(
          and(eq(xapiStatements.personId, personId), isNotNull(xapiStatements.clientId)),
          inArray(xapiStatements.actorKey, emailKeys(email)),
        ),
      ),
    );
  await deleteLaunchCredentialsOf(tenant, personId);
}
