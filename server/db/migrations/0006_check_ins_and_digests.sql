CREATE TABLE "check_ins" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"manager_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"cohort_id" uuid,
	"kind" text NOT NULL,
	"agreements" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "check_ins_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "installation_secrets" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "learner_preferences" ADD COLUMN "last_digest_on" date;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_organisation_id_person_id_persons_organisation_id_id_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."persons"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "check_ins_person_idx" ON "check_ins" USING btree ("organisation_id","person_id");