ALTER TABLE "culture_scans" ADD COLUMN "anonymity_threshold" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "culture_scans" ADD COLUMN "results_released_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "scan_responses" ADD COLUMN "via_shared_link" boolean DEFAULT false NOT NULL;