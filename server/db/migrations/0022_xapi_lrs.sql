CREATE TABLE "xapi_attachments" (
	"organisation_id" uuid NOT NULL,
	"sha2" text NOT NULL,
	"content_type" text NOT NULL,
	"content" "bytea" NOT NULL,
	CONSTRAINT "xapi_attachments_organisation_id_sha2_pk" PRIMARY KEY("organisation_id","sha2")
);
--> statement-breakpoint
CREATE TABLE "xapi_clients" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"key" text NOT NULL,
	"secret_hash" text NOT NULL,
	"kind" text NOT NULL,
	"person_id" uuid,
	"registration" uuid,
	"activity_id" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "xapi_clients_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "xapi_documents" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"activity_id" text NOT NULL,
	"agent_key" text NOT NULL,
	"registration" text NOT NULL,
	"document_id" text NOT NULL,
	"person_id" uuid,
	"content_type" text NOT NULL,
	"content" "bytea" NOT NULL,
	"etag" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "xapi_documents_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "xapi_statements" ALTER COLUMN "person_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "xapi_statements" ALTER COLUMN "object_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "xapi_statements" ADD COLUMN "actor_key" text GENERATED ALWAYS AS (CASE
  WHEN statement->'actor'->>'mbox' IS NOT NULL THEN 'mbox:' || (statement->'actor'->>'mbox')
  WHEN statement->'actor'->>'mbox_sha1sum' IS NOT NULL THEN 'sha1:' || (statement->'actor'->>'mbox_sha1sum')
  WHEN statement->'actor'->>'openid' IS NOT NULL THEN 'openid:' || (statement->'actor'->>'openid')
  WHEN statement->'actor'->'account' IS NOT NULL THEN 'account:' || (statement->'actor'->'account'->>'homePage') || ' ' || (statement->'actor'->'account'->>'name')
  ELSE '' END) STORED;--> statement-breakpoint
ALTER TABLE "xapi_statements" ADD COLUMN "object_agent_key" text;--> statement-breakpoint
ALTER TABLE "xapi_statements" ADD COLUMN "target_statement_id" uuid;--> statement-breakpoint
ALTER TABLE "xapi_statements" ADD COLUMN "registration" uuid;--> statement-breakpoint
ALTER TABLE "xapi_statements" ADD COLUMN "related_activities" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "xapi_statements" ADD COLUMN "related_agents" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "xapi_statements" ADD COLUMN "voided" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "xapi_statements" ADD COLUMN "client_id" uuid;--> statement-breakpoint
ALTER TABLE "xapi_statements" ADD COLUMN "seq" bigint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "xapi_statements_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
ALTER TABLE "xapi_attachments" ADD CONSTRAINT "xapi_attachments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xapi_clients" ADD CONSTRAINT "xapi_clients_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xapi_clients" ADD CONSTRAINT "xapi_clients_organisation_id_person_id_persons_organisation_id_id_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."persons"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xapi_documents" ADD CONSTRAINT "xapi_documents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xapi_documents" ADD CONSTRAINT "xapi_documents_organisation_id_person_id_persons_organisation_id_id_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."persons"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "xapi_clients_key_unique" ON "xapi_clients" USING btree ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "xapi_documents_key_unique" ON "xapi_documents" USING btree ("organisation_id","kind","activity_id","agent_key","registration","document_id");--> statement-breakpoint
CREATE INDEX "xapi_documents_person_idx" ON "xapi_documents" USING btree ("organisation_id","person_id");--> statement-breakpoint
CREATE INDEX "xapi_statements_actor_verb_idx" ON "xapi_statements" USING btree ("organisation_id","actor_key","verb","stored","seq");--> statement-breakpoint
CREATE INDEX "xapi_statements_object_agent_idx" ON "xapi_statements" USING btree ("organisation_id","object_agent_key","stored","seq") WHERE "xapi_statements"."object_agent_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "xapi_statements_verb_idx" ON "xapi_statements" USING btree ("organisation_id","verb","stored","seq");--> statement-breakpoint
CREATE INDEX "xapi_statements_object_idx" ON "xapi_statements" USING btree ("organisation_id","object_id","stored","seq");--> statement-breakpoint
CREATE INDEX "xapi_statements_registration_idx" ON "xapi_statements" USING btree ("organisation_id","registration","stored","seq") WHERE "xapi_statements"."registration" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "xapi_statements_stored_idx" ON "xapi_statements" USING btree ("organisation_id","stored","seq");--> statement-breakpoint
CREATE INDEX "xapi_statements_target_idx" ON "xapi_statements" USING btree ("organisation_id","target_statement_id") WHERE "xapi_statements"."target_statement_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "xapi_statements_related_activities_idx" ON "xapi_statements" USING gin ("related_activities");--> statement-breakpoint
CREATE INDEX "xapi_statements_related_agents_idx" ON "xapi_statements" USING gin ("related_agents");