CREATE TABLE "digest_cases" (
	"digest_id" integer NOT NULL,
	"district" text NOT NULL,
	"case_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "digests" (
	"id" serial PRIMARY KEY NOT NULL,
	"district" text NOT NULL,
	"digest_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"channel" text NOT NULL,
	"recipient_count" integer NOT NULL,
	"case_count" integer NOT NULL,
	"reference" text
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "digest_cases" ADD CONSTRAINT "digest_cases_digest_id_digests_id_fk" FOREIGN KEY ("digest_id") REFERENCES "public"."digests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digest_cases" ADD CONSTRAINT "digest_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "digest_cases_district_case_uq" ON "digest_cases" USING btree ("district","case_id");--> statement-breakpoint
CREATE INDEX "digests_district_idx" ON "digests" USING btree ("district","digest_date");