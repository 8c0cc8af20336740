ALTER TABLE "action_plans" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "plan_applications" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "check_ins" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "coaching_sessions" ADD COLUMN "updated_at" timestamp with time zone;