CREATE TABLE "culture_scans" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"team_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"closed_at" timestamp with time zone,
	"shared_token" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "culture_scans_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "scan_actions" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"scan_id" uuid NOT NULL,
	"title" text NOT NULL,
	"intervention_id" text,
	"owner" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scan_actions_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "scan_invitations" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"scan_id" uuid NOT NULL,
	"person_id" uuid,
	"team_id" uuid,
	"token_hash" text NOT NULL,
	"reminder_token_hash" text,
	"draft" jsonb,
	"started_at" timestamp with time zone,
	"spent_on" date,
	"reminded_at" timestamp with time zone,
	CONSTRAINT "scan_invitations_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "scan_responses" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"scan_id" uuid NOT NULL,
	"team_id" uuid,
	"answers" jsonb NOT NULL,
	"phase" text NOT NULL,
	"submitted_on" date NOT NULL,
	CONSTRAINT "scan_responses_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "culture_scans" ADD CONSTRAINT "culture_scans_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scan_actions" ADD CONSTRAINT "scan_actions_organisation_id_scan_id_culture_scans_organisation_id_id_fk" FOREIGN KEY ("organisation_id","scan_id") REFERENCES "public"."culture_scans"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scan_invitations" ADD CONSTRAINT "scan_invitations_organisation_id_scan_id_culture_scans_organisation_id_id_fk" FOREIGN KEY ("organisation_id","scan_id") REFERENCES "public"."culture_scans"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scan_responses" ADD CONSTRAINT "scan_responses_organisation_id_scan_id_culture_scans_organisation_id_id_fk" FOREIGN KEY ("organisation_id","scan_id") REFERENCES "public"."culture_scans"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "culture_scans_shared_token_idx" ON "culture_scans" USING btree ("shared_token");--> statement-breakpoint
CREATE UNIQUE INDEX "scan_invitations_token_idx" ON "scan_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "scan_invitations_reminder_token_idx" ON "scan_invitations" USING btree ("reminder_token_hash");--> statement-breakpoint
CREATE INDEX "scan_invitations_scan_idx" ON "scan_invitations" USING btree ("organisation_id","scan_id");--> statement-breakpoint
CREATE INDEX "scan_responses_scan_idx" ON "scan_responses" USING btree ("organisation_id","scan_id");