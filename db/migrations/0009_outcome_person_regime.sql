ALTER TABLE "outcomes" ADD COLUMN "person_id" integer;--> statement-breakpoint
ALTER TABLE "outcomes" ADD COLUMN "regime" text;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outcomes_person_idx" ON "outcomes" USING btree ("person_id");