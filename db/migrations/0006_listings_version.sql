CREATE TABLE "listings_version" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "listings_version_one_row" CHECK ("listings_version"."id")
);
--> statement-breakpoint
INSERT INTO "listings_version" DEFAULT VALUES;--> statement-breakpoint
-- Bumps the version once per transaction that changes a column search reads. Deferred to
-- commit and once per transaction: the row lock is held only while committing, so concurrent
-- board ingestions never wait on each other for it, and a bulk upsert bumps it once.
CREATE FUNCTION "bump_listings_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('trackend.listings_version_bumped', true) IS DISTINCT FROM 'on' THEN
    PERFORM set_config('trackend.listings_version_bumped', 'on', true);
    UPDATE "listings_version" SET "version" = "version" + 1;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- last_seen_at and first_seen_at are left out: an ingestion that only saw its listings again
-- changes nothing search shows. The list is every column lib/search reads.
CREATE CONSTRAINT TRIGGER "listings_version_bump"
  AFTER INSERT OR DELETE OR UPDATE OF "removed_at", "duplicate_of", "board_id", "languages", "skills", "seniority", "role", "remote",
    "salary_usd_yearly", "posted_at", "degree_required", "years_required", "visa_sponsorship", "title", "company", "description_text"
  ON "listings" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "bump_listings_version"();
