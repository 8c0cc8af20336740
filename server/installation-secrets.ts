import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "./db/client.ts";
import { installationSecrets } from "./db/schema/index.ts";

/**
 * A 256-bit key of the installation itself (not tenant data), made on first use and kept in the
 * database, so every process of one installation signs and checks with the same key. Two processes
 * making it at once both read the one that was stored first.
 */
export async function installationKey(db: Db, name: string): Promise<Buffer> {
  await db
    .insert(installationSecrets)
    .values({ name, value: randomBytes(32).toString("base64") })
    .onConflictDoNothing();
  const [row] = await db.select().from(installationSecrets).where(eq(installationSecrets.name, name));
  return Buffer.from(row!.value, "base64");
}
