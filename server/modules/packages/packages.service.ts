import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { PackageView } from "../../../common/schemas/packages.ts";
import { contentPackages, packageFiles, trajectories } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { recordAudit } from "../../audit.ts";
import { notFound } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import { authorize } from "../trajectories/index.ts";
import { describePackage } from "./manifest.ts";
import { openZip } from "./zip-safety.ts";

type PackageRow = typeof contentPackages.$inferSelect;

/** Rows per insert: a package of thousands of small files goes in a few statements, not one each. */
const FILES_PER_INSERT = 100;

export function presentPackage(row: PackageRow): PackageView {
  return {
    packageId: row.id,
    trajectoryId: row.trajectoryId,
    standard: row.standard,
    edition: row.edition,
    title: row.title,
    units: row.units.map(({ cmi5, ...unit }) => (cmi5 ? { ...unit, moveOn: cmi5.moveOn } : unit)),
    sizeBytes: row.sizeBytes,
    fileCount: row.fileCount,
    uploadedAt: row.createdAt.toISOString(),
  };
}

async function requireTrajectory(tenant: Tenant, trajectoryId: string): Promise<void> {
  const [found] = await tenant.select(
    trajectories,
    { id: trajectories.id },
    eq(trajectories.id, trajectoryId),
  );
  if (!found) throw notFound("trajectory");
}

/** Checks the designer may add a package to this trajectory: before its upload is read. */
export async function checkUploadAllowed({ tenant, actor }: Scope, trajectoryId: string): Promise<void> {
  authorize(actor, "trajectory.write");
  await requireTrajectory(tenant, trajectoryId);
}

/**
 * Imports an uploaded zip for a trajectory: opened safely, its manifest read, then the package row and
 * every file stored in one transaction, so a refusal or a failure leaves nothing behind. The same zip
 * uploaded again for the trajectory is the package already there.
 */
export async function importPackage(
  scope: Scope,
  { trajectoryId, zip }: { trajectoryId: string; zip: Uint8Array },
): Promise<PackageView> {
  const { tenant, actor, now } = scope;
  await checkUploadAllowed(scope, trajectoryId);
  const files = openZip(zip);
  const description = describePackage(new Map(files.map((f) => [f.path, f.content])));
  const sha256 = createHash("sha256").update(zip).digest("hex");
  return tenant.transaction(async (tx) => {
    const [created] = await tx.db
      .insert(contentPackages)
      .values(
        tx.row({
          trajectoryId,
          ...description,
          sha256,
          sizeBytes: zip.byteLength,
          fileCount: files.length,
          uploadedBy: actor.personId,
          createdAt: now,
        }),
      )
      .onConflictDoNothing()
      .returning();
    if (!created) {
      const [existing] = await tx.selectRows(
        contentPackages,
        and(eq(contentPackages.trajectoryId, trajectoryId), eq(contentPackages.sha256, sha256)),
      );
      return presentPackage(existing!);
    }
    for (let i = 0; i < files.length; i += FILES_PER_INSERT) {
      const batch = files.slice(i, i + FILES_PER_INSERT);
      await tx.db
        .insert(packageFiles)
        .values(
          tx.rows(
            batch.map((f) => ({ packageId: created.id, path: f.path, content: Buffer.from(f.content) })),
          ),
        );
    }
    await recordAudit(
      tx,
      actor,
      "package.import",
      { type: "content-package", id: created.id },
      {
        trajectoryId,
        standard: description.standard,
        files: files.length,
      },
    );
    return presentPackage(created);
  });
}

/** A package as the trajectory editor shows it. */
export async function getPackage(
  { tenant, actor }: Scope,
  { packageId }: { packageId: string },
): Promise<PackageView> {
  authorize(actor, "trajectory.read");
  return presentPackage(await packageRow(tenant, packageId));
}

export async function packageRow(tenant: Tenant, packageId: string): Promise<PackageRow> {
  const [row] = await tenant.selectRows(contentPackages, eq(contentPackages.id, packageId));
  if (!row) throw notFound("package");
  return row;
}

/** One file of a package, or null. */
export async function packageFile(tenant: Tenant, packageId: string, path: string): Promise<Buffer | null> {
  const [row] = await tenant.select(
    packageFiles,
    { content: packageFiles.content },
    eq(packageFiles.packageId, packageId),
    eq(packageFiles.path, path),
  );
  return row?.content ?? null;
}
