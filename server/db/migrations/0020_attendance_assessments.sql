CREATE TABLE "assessments" (
	"organisation_id" uuid NOT NULL,
	"cohort_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"activity_id" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"assessed_by" uuid,
	"assessed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "assessments_organisation_id_cohort_id_person_id_activity_id_pk" PRIMARY KEY("organisation_id","cohort_id","person_id","activity_id")
);
--> statement-breakpoint
CREATE TABLE "cohort_assessors" (
	"organisation_id" uuid NOT NULL,
	"cohort_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"named_by" uuid,
	"named_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cohort_assessors_organisation_id_cohort_id_person_id_pk" PRIMARY KEY("organisation_id","cohort_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "attendance" ADD COLUMN "excused" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "attendance" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_organisation_id_cohort_id_cohorts_organisation_id_id_fk" FOREIGN KEY ("organisation_id","cohort_id") REFERENCES "public"."cohorts"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_organisation_id_person_id_persons_organisation_id_id_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."persons"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_assessors" ADD CONSTRAINT "cohort_assessors_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_assessors" ADD CONSTRAINT "cohort_assessors_organisation_id_cohort_id_cohorts_organisation_id_id_fk" FOREIGN KEY ("organisation_id","cohort_id") REFERENCES "public"."cohorts"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_assessors" ADD CONSTRAINT "cohort_assessors_organisation_id_person_id_persons_organisation_id_id_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."persons"("organisation_id","id") ON DELETE cascade ON UPDATE no action;