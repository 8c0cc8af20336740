CREATE TABLE "plan_pulses" (
	"organisation_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"week" date NOT NULL,
	"rating" text NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "plan_pulses_organisation_id_plan_id_week_pk" PRIMARY KEY("organisation_id","plan_id","week")
);
--> statement-breakpoint
ALTER TABLE "plan_pulses" ADD CONSTRAINT "plan_pulses_organisation_id_plan_id_action_plans_organisation_id_id_fk" FOREIGN KEY ("organisation_id","plan_id") REFERENCES "public"."action_plans"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_pulses_person_idx" ON "plan_pulses" USING btree ("organisation_id","person_id","week");