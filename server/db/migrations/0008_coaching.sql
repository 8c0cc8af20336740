CREATE TABLE "coaching_relations" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"coach_id" uuid NOT NULL,
	"coachee_id" uuid NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "coaching_relations_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "coaching_sessions" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"relation_id" uuid NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"plan_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "coaching_sessions_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "coaching_relations" ADD CONSTRAINT "coaching_relations_organisation_id_coachee_id_persons_organisation_id_id_fk" FOREIGN KEY ("organisation_id","coachee_id") REFERENCES "public"."persons"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_sessions" ADD CONSTRAINT "coaching_sessions_organisation_id_relation_id_coaching_relations_organisation_id_id_fk" FOREIGN KEY ("organisation_id","relation_id") REFERENCES "public"."coaching_relations"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "coaching_relations_pair_uq" ON "coaching_relations" USING btree ("organisation_id","coach_id","coachee_id");