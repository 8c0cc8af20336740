CREATE TABLE "content_packages" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"standard" text NOT NULL,
	"edition" text NOT NULL,
	"title" text NOT NULL,
	"units" jsonb NOT NULL,
	"sha256" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"file_count" integer NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "content_packages_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "package_attempts" (
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"cohort_id" uuid NOT NULL,
	"activity_id" text NOT NULL,
	"package_id" uuid NOT NULL,
	"cmi" jsonb NOT NULL,
	"completion" text DEFAULT 'unknown' NOT NULL,
	"success" text DEFAULT 'unknown' NOT NULL,
	"score" double precision,
	"location" text,
	"suspend_data" text,
	"total_seconds" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "package_attempts_organisation_id_person_id_cohort_id_activity_id_pk" PRIMARY KEY("organisation_id","person_id","cohort_id","activity_id")
);
--> statement-breakpoint
CREATE TABLE "package_files" (
	"organisation_id" uuid NOT NULL,
	"package_id" uuid NOT NULL,
	"path" text NOT NULL,
	"content" "bytea" NOT NULL,
	CONSTRAINT "package_files_organisation_id_package_id_path_pk" PRIMARY KEY("organisation_id","package_id","path")
);
--> statement-breakpoint
ALTER TABLE "content_packages" ADD CONSTRAINT "content_packages_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_packages" ADD CONSTRAINT "content_packages_organisation_id_trajectory_id_trajectories_organisation_id_id_fk" FOREIGN KEY ("organisation_id","trajectory_id") REFERENCES "public"."trajectories"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_attempts" ADD CONSTRAINT "package_attempts_organisation_id_person_id_persons_organisation_id_id_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."persons"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_attempts" ADD CONSTRAINT "package_attempts_organisation_id_cohort_id_cohorts_organisation_id_id_fk" FOREIGN KEY ("organisation_id","cohort_id") REFERENCES "public"."cohorts"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_attempts" ADD CONSTRAINT "package_attempts_organisation_id_package_id_content_packages_organisation_id_id_fk" FOREIGN KEY ("organisation_id","package_id") REFERENCES "public"."content_packages"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_files" ADD CONSTRAINT "package_files_organisation_id_package_id_content_packages_organisation_id_id_fk" FOREIGN KEY ("organisation_id","package_id") REFERENCES "public"."content_packages"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "content_packages_zip_uq" ON "content_packages" USING btree ("organisation_id","trajectory_id","sha256");--> statement-breakpoint
CREATE INDEX "package_attempts_cohort_idx" ON "package_attempts" USING btree ("organisation_id","cohort_id");