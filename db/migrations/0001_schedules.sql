CREATE TABLE "schedule_locks" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"acquired_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "crawl_runs" ADD COLUMN "new_cases" integer;--> statement-breakpoint
ALTER TABLE "crawl_runs" ADD COLUMN "schedule" text;