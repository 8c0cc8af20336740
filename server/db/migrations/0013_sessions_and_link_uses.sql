CREATE TABLE "password_reset_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"locale" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "digest_link_uses" (
	"organisation_id" uuid NOT NULL,
	"link_hash" text NOT NULL,
	"manager_id" uuid NOT NULL,
	"used_at" timestamp with time zone NOT NULL,
	CONSTRAINT "digest_link_uses_organisation_id_link_hash_pk" PRIMARY KEY("organisation_id","link_hash")
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "last_seen_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "user_agent" text;--> statement-breakpoint
ALTER TABLE "digest_link_uses" ADD CONSTRAINT "digest_link_uses_organisation_id_manager_id_persons_organisation_id_id_fk" FOREIGN KEY ("organisation_id","manager_id") REFERENCES "public"."persons"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_person_idx" ON "sessions" USING btree ("organisation_id","person_id");