ALTER TABLE "organisations" ADD COLUMN "country" text DEFAULT 'NL' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "working_days" integer[] DEFAULT '{1,2,3,4,5}' NOT NULL;