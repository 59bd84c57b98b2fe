DROP INDEX "listings_posted_at_id_idx";--> statement-breakpoint
ALTER TABLE "listings" drop column "search";--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce("listings"."title", '')), 'A') || setweight(to_tsvector('english', coalesce("listings"."company", '')), 'B') || setweight(to_tsvector('english', left("listings"."description_text", 4000)), 'C')) STORED NOT NULL;--> statement-breakpoint
-- Dropping the column dropped its GIN index with it.
CREATE INDEX "listings_search_idx" ON "listings" USING gin ("search");--> statement-breakpoint
CREATE INDEX "listings_open_newest_idx" ON "listings" USING btree ("posted_at" DESC NULLS FIRST,"id" DESC NULLS FIRST,"seniority","role","remote","board_id","salary_usd_yearly","degree_required","years_required","visa_sponsorship","languages") WHERE "listings"."removed_at" is null and "listings"."duplicate_of" is null;--> statement-breakpoint
CREATE INDEX "listings_open_salary_idx" ON "listings" USING btree ("salary_usd_yearly" DESC NULLS LAST,"id" DESC NULLS FIRST) WHERE "listings"."removed_at" is null and "listings"."duplicate_of" is null;--> statement-breakpoint
CREATE INDEX "listings_copies_board_idx" ON "listings" USING btree ("board_id","duplicate_of") WHERE "listings"."duplicate_of" is not null;