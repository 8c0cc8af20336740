CREATE TABLE "feedback_requests" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"requester_id" uuid NOT NULL,
	"colleague_id" uuid NOT NULL,
	"cohort_id" uuid NOT NULL,
	"application_id" uuid,
	"about" text NOT NULL,
	"attachment_name" text,
	"attachment_type" text,
	"attachment" "bytea",
	"went_well" text,
	"try_next" text,
	"created_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "feedback_requests_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "feedback_requests" ADD CONSTRAINT "feedback_requests_organisation_id_requester_id_persons_organisation_id_id_fk" FOREIGN KEY ("organisation_id","requester_id") REFERENCES "public"."persons"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_requests_colleague_idx" ON "feedback_requests" USING btree ("organisation_id","colleague_id");