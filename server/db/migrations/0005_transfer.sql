CREATE TABLE "action_plans" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"cohort_id" uuid,
	"competence_id" text,
	"situation" text NOT NULL,
	"action" text NOT NULL,
	"first_moment" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "action_plans_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "application_confirmations" (
	"organisation_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"confirmed_by" uuid NOT NULL,
	"confirmed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "application_confirmations_organisation_id_application_id_confirmed_by_pk" PRIMARY KEY("organisation_id","application_id","confirmed_by")
);
--> statement-breakpoint
CREATE TABLE "plan_applications" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"what_happened" text NOT NULL,
	"outcome" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "plan_applications_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_organisation_id_person_id_persons_organisation_id_id_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."persons"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_confirmations" ADD CONSTRAINT "application_confirmations_organisation_id_application_id_plan_applications_organisation_id_id_fk" FOREIGN KEY ("organisation_id","application_id") REFERENCES "public"."plan_applications"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_applications" ADD CONSTRAINT "plan_applications_organisation_id_plan_id_action_plans_organisation_id_id_fk" FOREIGN KEY ("organisation_id","plan_id") REFERENCES "public"."action_plans"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_plans_person_idx" ON "action_plans" USING btree ("organisation_id","person_id");--> statement-breakpoint
CREATE INDEX "plan_applications_plan_idx" ON "plan_applications" USING btree ("organisation_id","plan_id");