CREATE TYPE "public"."case_type" AS ENUM('koap', 'koap_appeal', 'criminal', 'kas', 'civil', 'other');--> statement-breakpoint
CREATE TYPE "public"."charge_code" AS ENUM('КоАП', 'УК', 'КАС');--> statement-breakpoint
CREATE TYPE "public"."court_layout" AS ENUM('primary', 'vnkod', 'mosgorsud', 'other');--> statement-breakpoint
CREATE TYPE "public"."crawl_run_status" AS ENUM('running', 'finished', 'failed', 'interrupted');--> statement-breakpoint
CREATE TYPE "public"."document_status" AS ENUM('ok', 'no_data', 'captcha', 'throttled', 'geo_blocked', 'waf_blocked', 'http_error', 'parse_failure');--> statement-breakpoint
CREATE TYPE "public"."flag_strength" AS ENUM('yes', 'possible');--> statement-breakpoint
CREATE TYPE "public"."match_status" AS ENUM('candidate', 'confirmed', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."outcome_kind" AS ENUM('fine', 'expulsion_forced', 'expulsion_self', 'no_expulsion', 'detention_center', 'arrest', 'imprisonment', 'suspended', 'returned', 'forwarded', 'cancelled', 'other');--> statement-breakpoint
CREATE TYPE "public"."person_role" AS ENUM('defendant', 'person_charged', 'victim', 'witness', 'other');--> statement-breakpoint
CREATE TYPE "public"."request_state" AS ENUM('queued', 'in_progress', 'done', 'failed', 'skipped');--> statement-breakpoint
CREATE TYPE "public"."review_status" AS ENUM('new', 'confirmed', 'dismissed', 'needs_follow_up');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('admin', 'consular', 'ngo', 'analyst');--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" serial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text,
	"entity_id" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" serial PRIMARY KEY NOT NULL,
	"unique_key" text NOT NULL,
	"court_id" integer,
	"court_name" text,
	"case_number" text,
	"case_uid" text,
	"case_type" "case_type" DEFAULT 'other' NOT NULL,
	"received_date" date,
	"decision_date" date,
	"appeal_deadline" date,
	"judge" text,
	"result_text" text,
	"source_url" text NOT NULL,
	"document_id" integer,
	"act_text" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "charges" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"person_id" integer,
	"code" charge_code NOT NULL,
	"article" text NOT NULL,
	"part" text,
	"item" text
);
--> statement-breakpoint
CREATE TABLE "courts" (
	"id" serial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"region_code" text,
	"region" text,
	"base_url" text NOT NULL,
	"layout" "court_layout" DEFAULT 'primary' NOT NULL,
	"srv_nums" integer[] DEFAULT '{1}'::integer[] NOT NULL,
	"has_captcha" boolean DEFAULT false NOT NULL,
	"captcha_seen_at" timestamp with time zone,
	"blocked_until" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crawl_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"unique_key" text NOT NULL,
	"url" text NOT NULL,
	"host" text NOT NULL,
	"source" text NOT NULL,
	"kind" text NOT NULL,
	"court_id" integer,
	"state" "request_state" DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_by" text,
	"locked_at" timestamp with time zone,
	"last_error" text,
	"user_data" jsonb,
	"run_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crawl_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"status" "crawl_run_status" DEFAULT 'running' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"worker" text,
	"pages_fetched" integer DEFAULT 0 NOT NULL,
	"new_documents" integer DEFAULT 0 NOT NULL,
	"errors" integer DEFAULT 0 NOT NULL,
	"params" jsonb,
	"stats" jsonb
);
--> statement-breakpoint
CREATE TABLE "detainees" (
	"id" serial PRIMARY KEY NOT NULL,
	"import_key" text NOT NULL,
	"district" text,
	"latin_name" text,
	"cyrillic_name" text,
	"birth_date" date,
	"passport_number" text,
	"detained_on" date,
	"detention_place" text,
	"detention_centre" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"request_key" text,
	"source" text NOT NULL,
	"kind" text NOT NULL,
	"court_id" integer,
	"run_id" integer,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"http_status" integer NOT NULL,
	"headers" jsonb,
	"encoding" text NOT NULL,
	"content_hash" text NOT NULL,
	"raw" "bytea" NOT NULL,
	"text" text NOT NULL,
	"status" "document_status" DEFAULT 'ok' NOT NULL,
	"parsed" jsonb,
	"failure_reason" text,
	"analyzed_hash" text,
	"analyzed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "hosts" (
	"host" text PRIMARY KEY NOT NULL,
	"next_allowed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cooldown_until" timestamp with time zone,
	"cooldown_reason" text
);
--> statement-breakpoint
CREATE TABLE "kyrgyz_flags" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"strength" "flag_strength" NOT NULL,
	"confidence" real NOT NULL,
	"evidence" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matches" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"detainee_id" integer NOT NULL,
	"score" real NOT NULL,
	"reasons" jsonb NOT NULL,
	"status" "match_status" DEFAULT 'candidate' NOT NULL,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "outcomes" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"kind" "outcome_kind" NOT NULL,
	"amount_rub" integer,
	"days" integer,
	"months" integer,
	"text" text
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"name_as_written" text NOT NULL,
	"normalized_name" text,
	"role" "person_role" DEFAULT 'other' NOT NULL,
	"citizenship" text,
	"gender" text,
	"birth_date" date,
	"birth_place" text,
	"depersonalized" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"status" "review_status" DEFAULT 'new' NOT NULL,
	"assigned_to" integer,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text,
	"password_hash" text NOT NULL,
	"role" "user_role" NOT NULL,
	"district" text,
	"disabled" boolean DEFAULT false NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charges" ADD CONSTRAINT "charges_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charges" ADD CONSTRAINT "charges_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crawl_requests" ADD CONSTRAINT "crawl_requests_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crawl_requests" ADD CONSTRAINT "crawl_requests_run_id_crawl_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."crawl_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_run_id_crawl_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."crawl_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kyrgyz_flags" ADD CONSTRAINT "kyrgyz_flags_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_detainee_id_detainees_id_fk" FOREIGN KEY ("detainee_id") REFERENCES "public"."detainees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_unique_key_uq" ON "cases" USING btree ("unique_key");--> statement-breakpoint
CREATE INDEX "cases_decision_date_idx" ON "cases" USING btree ("decision_date");--> statement-breakpoint
CREATE INDEX "charges_case_idx" ON "charges" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "charges_article_idx" ON "charges" USING btree ("code","article");--> statement-breakpoint
CREATE UNIQUE INDEX "courts_source_code_uq" ON "courts" USING btree ("source","code");--> statement-breakpoint
CREATE UNIQUE INDEX "crawl_requests_key_uq" ON "crawl_requests" USING btree ("unique_key");--> statement-breakpoint
CREATE INDEX "crawl_requests_claim_idx" ON "crawl_requests" USING btree ("state","next_attempt_at");--> statement-breakpoint
CREATE UNIQUE INDEX "detainees_import_key_uq" ON "detainees" USING btree ("import_key");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_url_hash_uq" ON "documents" USING btree ("url","content_hash");--> statement-breakpoint
CREATE INDEX "documents_analyzed_idx" ON "documents" USING btree ("status","analyzed_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "kyrgyz_flags_case_uq" ON "kyrgyz_flags" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "matches_pair_uq" ON "matches" USING btree ("person_id","detainee_id");--> statement-breakpoint
CREATE INDEX "outcomes_case_idx" ON "outcomes" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "persons_case_idx" ON "persons" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "persons_normalized_idx" ON "persons" USING btree ("normalized_name");--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_case_uq" ON "reviews" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "reviews_status_idx" ON "reviews" USING btree ("status");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_uq" ON "users" USING btree ("username");