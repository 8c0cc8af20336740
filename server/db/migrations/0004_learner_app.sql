CREATE TABLE "activity_progress" (
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"cohort_id" uuid NOT NULL,
	"activity_id" text NOT NULL,
	"status" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "activity_progress_organisation_id_person_id_cohort_id_activity_id_pk" PRIMARY KEY("organisation_id","person_id","cohort_id","activity_id")
);
--> statement-breakpoint
CREATE TABLE "answers" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"cohort_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"competence_id" text NOT NULL,
	"card_id" uuid,
	"context" text NOT NULL,
	"client_id" text NOT NULL,
	"option_id" text,
	"text" text,
	"self_rating" text,
	"correct" boolean NOT NULL,
	"rating" integer,
	"answered_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"next_due" timestamp with time zone,
	CONSTRAINT "answers_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "learner_preferences" (
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"nudge_frequency" text DEFAULT 'twice-weekly' NOT NULL,
	"paused_until" date,
	"last_nudged_on" date,
	"calendar_token" text,
	CONSTRAINT "learner_preferences_organisation_id_person_id_pk" PRIMARY KEY("organisation_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"cohort_id" uuid NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"activity_id" text NOT NULL,
	"kind" text NOT NULL,
	"competence_id" text NOT NULL,
	"correct" integer NOT NULL,
	"total" integer NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	CONSTRAINT "measures_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "practice_cards" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"cohort_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"due" timestamp with time zone NOT NULL,
	"fsrs" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_cards_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "questions" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"competence_id" text NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"uses" jsonb NOT NULL,
	"situation" text,
	"prompt" text NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"model_answer" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "questions_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "remediations" (
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"cohort_id" uuid NOT NULL,
	"competence_id" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"material_done_at" timestamp with time zone,
	CONSTRAINT "remediations_organisation_id_person_id_cohort_id_competence_id_pk" PRIMARY KEY("organisation_id","person_id","cohort_id","competence_id")
);
--> statement-breakpoint
CREATE TABLE "xapi_statements" (
	"organisation_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"verb" text NOT NULL,
	"object_id" text NOT NULL,
	"statement" jsonb NOT NULL,
	"timestamp" timestamp with time zone NOT NULL,
	"stored" timestamp with time zone NOT NULL,
	CONSTRAINT "xapi_statements_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "activity_progress" ADD CONSTRAINT "activity_progress_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_progress" ADD CONSTRAINT "activity_progress_organisation_id_person_id_persons_organisation_id_id_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."persons"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_progress" ADD CONSTRAINT "activity_progress_organisation_id_cohort_id_cohorts_organisation_id_id_fk" FOREIGN KEY ("organisation_id","cohort_id") REFERENCES "public"."cohorts"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_organisation_id_person_id_persons_organisation_id_id_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."persons"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learner_preferences" ADD CONSTRAINT "learner_preferences_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learner_preferences" ADD CONSTRAINT "learner_preferences_organisation_id_person_id_persons_organisation_id_id_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."persons"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_organisation_id_person_id_persons_organisation_id_id_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."persons"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_cards" ADD CONSTRAINT "practice_cards_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_cards" ADD CONSTRAINT "practice_cards_organisation_id_person_id_persons_organisation_id_id_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."persons"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_cards" ADD CONSTRAINT "practice_cards_organisation_id_cohort_id_cohorts_organisation_id_id_fk" FOREIGN KEY ("organisation_id","cohort_id") REFERENCES "public"."cohorts"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_cards" ADD CONSTRAINT "practice_cards_organisation_id_question_id_questions_organisation_id_id_fk" FOREIGN KEY ("organisation_id","question_id") REFERENCES "public"."questions"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_organisation_id_trajectory_id_trajectories_organisation_id_id_fk" FOREIGN KEY ("organisation_id","trajectory_id") REFERENCES "public"."trajectories"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remediations" ADD CONSTRAINT "remediations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remediations" ADD CONSTRAINT "remediations_organisation_id_person_id_persons_organisation_id_id_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."persons"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xapi_statements" ADD CONSTRAINT "xapi_statements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xapi_statements" ADD CONSTRAINT "xapi_statements_organisation_id_person_id_persons_organisation_id_id_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."persons"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "answers_client_uq" ON "answers" USING btree ("organisation_id","person_id","client_id");--> statement-breakpoint
CREATE INDEX "answers_person_competence_idx" ON "answers" USING btree ("organisation_id","person_id","competence_id","answered_at");--> statement-breakpoint
CREATE INDEX "answers_question_idx" ON "answers" USING btree ("organisation_id","question_id");--> statement-breakpoint
CREATE UNIQUE INDEX "learner_preferences_calendar_uq" ON "learner_preferences" USING btree ("calendar_token");--> statement-breakpoint
CREATE UNIQUE INDEX "measures_once_uq" ON "measures" USING btree ("organisation_id","person_id","cohort_id","activity_id","competence_id");--> statement-breakpoint
CREATE INDEX "measures_trajectory_idx" ON "measures" USING btree ("organisation_id","trajectory_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "practice_cards_question_uq" ON "practice_cards" USING btree ("organisation_id","person_id","cohort_id","question_id");--> statement-breakpoint
CREATE INDEX "practice_cards_due_idx" ON "practice_cards" USING btree ("organisation_id","person_id","due");--> statement-breakpoint
CREATE INDEX "questions_trajectory_idx" ON "questions" USING btree ("organisation_id","trajectory_id");--> statement-breakpoint
CREATE INDEX "xapi_statements_person_idx" ON "xapi_statements" USING btree ("organisation_id","person_id","stored");