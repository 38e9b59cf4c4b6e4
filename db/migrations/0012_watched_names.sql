-- What the dashboard shows from accounts and courts next to a case (an assignee's name, a court's
-- name and region) is counted too: a rename reaches every page at once. Only real changes count
-- (the crawlers rewrite the court registry on every run).
INSERT INTO "change_counters" ("name", "value") VALUES ('users', 0), ('courts', 0) ON CONFLICT ("name") DO NOTHING;--> statement-breakpoint
CREATE FUNCTION "bump_counter"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "change_counters" ("name", "value") VALUES (TG_ARGV[0], 1)
  ON CONFLICT ("name") DO UPDATE SET "value" = "change_counters"."value" + 1;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "users_renamed" AFTER UPDATE ON "users" FOR EACH ROW
  WHEN (OLD."username" IS DISTINCT FROM NEW."username" OR OLD."display_name" IS DISTINCT FROM NEW."display_name")
  EXECUTE FUNCTION "bump_counter"('users');--> statement-breakpoint
CREATE TRIGGER "courts_changed" AFTER UPDATE ON "courts" FOR EACH ROW
  WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."region" IS DISTINCT FROM NEW."region"
    OR OLD."region_code" IS DISTINCT FROM NEW."region_code" OR OLD."code" IS DISTINCT FROM NEW."code")
  EXECUTE FUNCTION "bump_counter"('courts');
