CREATE TABLE "ai_drafting_jobs" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"competence_id" text NOT NULL,
	"kind" text NOT NULL,
	"count" integer NOT NULL,
	"locale" text NOT NULL,
	"source_label" text,
	"source_text" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"error_code" text,
	"kept" integer DEFAULT 0 NOT NULL,
	"dropped" integer DEFAULT 0 NOT NULL,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "ai_drafting_jobs_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "ai_question_drafts" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"question" jsonb NOT NULL,
	"model" text NOT NULL,
	"prompt_version" text NOT NULL,
	"source_label" text,
	"repaired" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"question_id" uuid,
	CONSTRAINT "ai_question_drafts_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "ai_requests" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid,
	"person_id" uuid,
	"provider" text NOT NULL,
	"model" text NOT NULL,
	"prompt_version" text NOT NULL,
	"prompt_tokens" integer,
	"completion_tokens" integer,
	"outcome" text NOT NULL,
	"duration_ms" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ai_requests_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "ai_settings" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"base_url" text NOT NULL,
	"model" text NOT NULL,
	"api_key_sealed" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ai_settings_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "questions" ADD COLUMN "origin" text DEFAULT 'human' NOT NULL;--> statement-breakpoint
ALTER TABLE "questions" ADD COLUMN "ai_model" text;--> statement-breakpoint
ALTER TABLE "questions" ADD COLUMN "ai_drafted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "questions" ADD COLUMN "ai_source" text;--> statement-breakpoint
ALTER TABLE "questions" ADD COLUMN "reviewed_by" uuid;--> statement-breakpoint
ALTER TABLE "questions" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ai_drafting_jobs" ADD CONSTRAINT "ai_drafting_jobs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_drafting_jobs" ADD CONSTRAINT "ai_drafting_jobs_organisation_id_trajectory_id_trajectories_organisation_id_id_fk" FOREIGN KEY ("organisation_id","trajectory_id") REFERENCES "public"."trajectories"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_question_drafts" ADD CONSTRAINT "ai_question_drafts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_question_drafts" ADD CONSTRAINT "ai_question_drafts_organisation_id_trajectory_id_trajectories_organisation_id_id_fk" FOREIGN KEY ("organisation_id","trajectory_id") REFERENCES "public"."trajectories"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_question_drafts" ADD CONSTRAINT "ai_question_drafts_organisation_id_job_id_ai_drafting_jobs_organisation_id_id_fk" FOREIGN KEY ("organisation_id","job_id") REFERENCES "public"."ai_drafting_jobs"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_requests" ADD CONSTRAINT "ai_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_settings" ADD CONSTRAINT "ai_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ai_drafting_jobs_status_idx" ON "ai_drafting_jobs" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "ai_question_drafts_trajectory_idx" ON "ai_question_drafts" USING btree ("organisation_id","trajectory_id","status");--> statement-breakpoint
CREATE INDEX "ai_requests_month_idx" ON "ai_requests" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ai_settings_org_idx" ON "ai_settings" USING btree ("organisation_id");