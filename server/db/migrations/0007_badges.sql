CREATE TABLE "achievements" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"competence_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"criteria" text NOT NULL,
	"requires_proof" boolean NOT NULL,
	"min_confirmed_applications" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "achievements_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "badge_awards" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"achievement_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"awarded_at" timestamp with time zone NOT NULL,
	"credential" jsonb NOT NULL,
	CONSTRAINT "badge_awards_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "issuer_keys" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"public_key_multibase" text NOT NULL,
	"secret_key_multibase" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "achievements" ADD CONSTRAINT "achievements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "achievements" ADD CONSTRAINT "achievements_organisation_id_trajectory_id_trajectories_organisation_id_id_fk" FOREIGN KEY ("organisation_id","trajectory_id") REFERENCES "public"."trajectories"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_awards" ADD CONSTRAINT "badge_awards_organisation_id_achievement_id_achievements_organisation_id_id_fk" FOREIGN KEY ("organisation_id","achievement_id") REFERENCES "public"."achievements"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_awards" ADD CONSTRAINT "badge_awards_organisation_id_person_id_persons_organisation_id_id_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."persons"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issuer_keys" ADD CONSTRAINT "issuer_keys_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "achievements_trajectory_idx" ON "achievements" USING btree ("organisation_id","trajectory_id");--> statement-breakpoint
CREATE UNIQUE INDEX "badge_awards_once_uq" ON "badge_awards" USING btree ("organisation_id","achievement_id","person_id");