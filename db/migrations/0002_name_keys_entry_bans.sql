CREATE TYPE "public"."entry_ban_result" AS ENUM('ban', 'no_data', 'unknown');--> statement-breakpoint
CREATE TABLE "entry_ban_checks" (
	"id" serial PRIMARY KEY NOT NULL,
	"detainee_id" integer NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"result" "entry_ban_result" NOT NULL,
	"reason" text,
	"document_id" integer,
	"requested_by" integer
);
--> statement-breakpoint
CREATE TABLE "name_keys" (
	"key" text NOT NULL,
	"person_id" integer,
	"detainee_id" integer,
	CONSTRAINT "name_keys_one_owner" CHECK (("name_keys"."person_id" is null) <> ("name_keys"."detainee_id" is null))
);
--> statement-breakpoint
ALTER TABLE "entry_ban_checks" ADD CONSTRAINT "entry_ban_checks_detainee_id_detainees_id_fk" FOREIGN KEY ("detainee_id") REFERENCES "public"."detainees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entry_ban_checks" ADD CONSTRAINT "entry_ban_checks_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entry_ban_checks" ADD CONSTRAINT "entry_ban_checks_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "name_keys" ADD CONSTRAINT "name_keys_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "name_keys" ADD CONSTRAINT "name_keys_detainee_id_detainees_id_fk" FOREIGN KEY ("detainee_id") REFERENCES "public"."detainees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "entry_ban_checks_detainee_idx" ON "entry_ban_checks" USING btree ("detainee_id","checked_at");--> statement-breakpoint
CREATE INDEX "name_keys_key_idx" ON "name_keys" USING btree ("key");--> statement-breakpoint
CREATE INDEX "name_keys_person_idx" ON "name_keys" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "name_keys_detainee_idx" ON "name_keys" USING btree ("detainee_id");--> statement-breakpoint
CREATE INDEX "matches_detainee_idx" ON "matches" USING btree ("detainee_id");