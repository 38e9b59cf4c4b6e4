CREATE TABLE "crawl_cursors" (
	"court_id" integer NOT NULL,
	"case_type" text NOT NULL,
	"published_until" date NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crawl_cursors_court_id_case_type_pk" PRIMARY KEY("court_id","case_type")
);
--> statement-breakpoint
ALTER TABLE "crawl_cursors" ADD CONSTRAINT "crawl_cursors_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE cascade ON UPDATE no action;