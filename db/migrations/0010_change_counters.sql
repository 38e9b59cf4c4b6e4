CREATE TABLE "change_counters" (
	"name" text PRIMARY KEY NOT NULL,
	"value" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO "change_counters" ("name", "value") VALUES ('flags', 0), ('reviews', 0);--> statement-breakpoint
CREATE FUNCTION "bump_change_counter"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "change_counters" ("name", "value") VALUES (TG_ARGV[0], 1)
  ON CONFLICT ("name") DO UPDATE SET "value" = "change_counters"."value" + 1;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "kyrgyz_flags_changed" AFTER INSERT OR UPDATE OR DELETE ON "kyrgyz_flags" FOR EACH ROW EXECUTE FUNCTION "bump_change_counter"('flags');--> statement-breakpoint
CREATE TRIGGER "kyrgyz_flags_truncated" AFTER TRUNCATE ON "kyrgyz_flags" FOR EACH STATEMENT EXECUTE FUNCTION "bump_change_counter"('flags');--> statement-breakpoint
CREATE TRIGGER "reviews_changed" AFTER INSERT OR UPDATE OR DELETE ON "reviews" FOR EACH ROW EXECUTE FUNCTION "bump_change_counter"('reviews');--> statement-breakpoint
CREATE TRIGGER "reviews_truncated" AFTER TRUNCATE ON "reviews" FOR EACH STATEMENT EXECUTE FUNCTION "bump_change_counter"('reviews');
