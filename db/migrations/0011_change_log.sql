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
