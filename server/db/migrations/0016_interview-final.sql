ALTER TABLE "success_case_interviews" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "success_case_interviews" ADD COLUMN "final_at" timestamp with time zone;