CREATE TABLE "xapi_forwarding" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"endpoint" text NOT NULL,
	"credentials_sealed" text NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"cursor_seq" bigint DEFAULT 0 NOT NULL,
	"last_forwarded_at" timestamp with time zone,
	"failures" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_error" jsonb,
	"refusal" jsonb,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "xapi_forwarding_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "xapi_forwarding" ADD CONSTRAINT "xapi_forwarding_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "xapi_forwarding_org_unique" ON "xapi_forwarding" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "xapi_statements_seq_idx" ON "xapi_statements" USING btree ("organisation_id","seq");