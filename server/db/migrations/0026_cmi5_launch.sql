CREATE TABLE "cmi5_registrations" (
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"cohort_id" uuid NOT NULL,
	"activity_id" text NOT NULL,
	"package_id" uuid NOT NULL,
	"registration" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"satisfied_at" timestamp with time zone,
	CONSTRAINT "cmi5_registrations_organisation_id_person_id_cohort_id_activity_id_pk" PRIMARY KEY("organisation_id","person_id","cohort_id","activity_id")
);
--> statement-breakpoint
CREATE TABLE "cmi5_sessions" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"registration" uuid NOT NULL,
	"au_id" text NOT NULL,
	"launch_mode" text NOT NULL,
	"fetch_token_hash" text NOT NULL,
	"auth_token" text,
	"fetch_expires_at" timestamp with time zone NOT NULL,
	"fetched_at" timestamp with time zone,
	"launched_at" timestamp with time zone NOT NULL,
	"terminated_at" timestamp with time zone,
	"abandoned_at" timestamp with time zone,
	CONSTRAINT "cmi5_sessions_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "cmi5_registrations" ADD CONSTRAINT "cmi5_registrations_organisation_id_person_id_persons_organisation_id_id_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."persons"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cmi5_registrations" ADD CONSTRAINT "cmi5_registrations_organisation_id_cohort_id_cohorts_organisation_id_id_fk" FOREIGN KEY ("organisation_id","cohort_id") REFERENCES "public"."cohorts"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cmi5_registrations" ADD CONSTRAINT "cmi5_registrations_organisation_id_package_id_content_packages_organisation_id_id_fk" FOREIGN KEY ("organisation_id","package_id") REFERENCES "public"."content_packages"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cmi5_sessions" ADD CONSTRAINT "cmi5_sessions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cmi5_sessions" ADD CONSTRAINT "cmi5_sessions_organisation_id_person_id_persons_organisation_id_id_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."persons"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cmi5_registrations_registration_uq" ON "cmi5_registrations" USING btree ("organisation_id","registration");--> statement-breakpoint
CREATE UNIQUE INDEX "cmi5_sessions_fetch_uq" ON "cmi5_sessions" USING btree ("fetch_token_hash");--> statement-breakpoint
CREATE INDEX "cmi5_sessions_registration_idx" ON "cmi5_sessions" USING btree ("organisation_id","registration");