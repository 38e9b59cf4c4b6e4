DROP INDEX "name_keys_key_idx";--> statement-breakpoint
CREATE INDEX "name_keys_lookup_idx" ON "name_keys" USING btree ("key","person_id","detainee_id");