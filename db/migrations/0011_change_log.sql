CREATE TABLE "change_log" (
	"kind" text NOT NULL,
	"seq" bigint NOT NULL,
	"case_id" integer,
	CONSTRAINT "change_log_kind_seq_pk" PRIMARY KEY("kind","seq")
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "bump_change_counter"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "counted" bigint;
BEGIN
  -- The counter row stays locked until this transaction ends: values are committed in order.
  INSERT INTO "change_counters" ("name", "value") VALUES (TG_ARGV[0], 1)
  ON CONFLICT ("name") DO UPDATE SET "value" = "change_counters"."value" + 1
  RETURNING "value" INTO "counted";
  INSERT INTO "change_log" ("kind", "seq", "case_id")
  VALUES (TG_ARGV[0], "counted", CASE WHEN TG_OP = 'DELETE' THEN OLD."case_id" WHEN TG_OP = 'TRUNCATE' THEN NULL ELSE NEW."case_id" END);
  IF TG_OP = 'UPDATE' AND OLD."case_id" IS DISTINCT FROM NEW."case_id" THEN
    -- One change, two cases: logged as a truncation would be, so that readers reload everything.
    UPDATE "change_log" SET "case_id" = NULL WHERE "kind" = TG_ARGV[0] AND "seq" = "counted";
  END IF;
  IF "counted" % 1000 = 0 THEN
    DELETE FROM "change_log" WHERE "kind" = TG_ARGV[0] AND "seq" <= "counted" - 20000;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Counted at commit, not at the change: a writer holds the counter row from its last statement's
-- end to its commit only, instead of across its remaining round trips (concurrent reviews waited
-- on each other for up to a second).
DROP TRIGGER "kyrgyz_flags_changed" ON "kyrgyz_flags";--> statement-breakpoint
DROP TRIGGER "reviews_changed" ON "reviews";--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "kyrgyz_flags_changed" AFTER INSERT OR UPDATE OR DELETE ON "kyrgyz_flags" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_change_counter"('flags');--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "reviews_changed" AFTER INSERT OR UPDATE OR DELETE ON "reviews" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_change_counter"('reviews');
