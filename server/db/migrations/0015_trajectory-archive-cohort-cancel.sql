ALTER TABLE "cohorts" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "archived_at" timestamp with time zone;