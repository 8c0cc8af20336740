ALTER TABLE "package_attempts" ADD COLUMN "unit_id" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Attempts made before packages kept one per SCO were at the package's first SCO (drizzle-kit put the
-- column after the key that needs it; this file adds it first and fills it in by hand).
UPDATE "package_attempts" SET "unit_id" = p."units"->0->>'id' FROM "content_packages" p WHERE p."organisation_id" = "package_attempts"."organisation_id" AND p."id" = "package_attempts"."package_id" AND "package_attempts"."unit_id" = '';--> statement-breakpoint
ALTER TABLE "package_attempts" DROP CONSTRAINT "package_attempts_organisation_id_person_id_cohort_id_activity_id_pk";--> statement-breakpoint
ALTER TABLE "package_attempts" ADD CONSTRAINT "package_attempts_organisation_id_person_id_cohort_id_activity_id_unit_id_pk" PRIMARY KEY("organisation_id","person_id","cohort_id","activity_id","unit_id");
