CREATE TYPE "public"."application_event_kind" AS ENUM('status', 'interview');--> statement-breakpoint
CREATE TYPE "public"."application_source" AS ENUM('board', 'company_site', 'referral', 'recruiter', 'cold_email', 'linkedin', 'other');--> statement-breakpoint
ALTER TABLE "application_events" ADD COLUMN "kind" "application_event_kind" DEFAULT 'status' NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "source" "application_source";--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "location" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "contact_email" text;--> statement-breakpoint
-- Hand-added: applications saved from a listing were found on its board.
UPDATE "applications" SET "source" = 'board' WHERE "board" IS NOT NULL;
