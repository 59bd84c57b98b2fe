CREATE TYPE "public"."digest_kind" AS ENUM('daily', 'manual');--> statement-breakpoint
CREATE TYPE "public"."digest_status" AS ENUM('pending', 'sent', 'skipped', 'failed');--> statement-breakpoint
CREATE TABLE "digest_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"saved_search_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"kind" "digest_kind" DEFAULT 'daily' NOT NULL,
	"local_date" date NOT NULL,
	"status" "digest_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"listing_ids" bigint[],
	"more_count" integer DEFAULT 0 NOT NULL,
	"newest_instead" boolean DEFAULT false NOT NULL,
	"watermark" timestamp with time zone,
	"unsubscribe_token_hash" text,
	"message_id" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "digest_deliveries_unsubscribeTokenHash_unique" UNIQUE("unsubscribe_token_hash")
);
--> statement-breakpoint
ALTER TABLE "digest_deliveries" ADD CONSTRAINT "digest_deliveries_saved_search_id_saved_searches_id_fk" FOREIGN KEY ("saved_search_id") REFERENCES "public"."saved_searches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digest_deliveries" ADD CONSTRAINT "digest_deliveries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "digest_deliveries_daily_uq" ON "digest_deliveries" USING btree ("saved_search_id","local_date") WHERE "digest_deliveries"."kind" = 'daily';--> statement-breakpoint
CREATE INDEX "digest_deliveries_user_id_index" ON "digest_deliveries" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "digest_deliveries_saved_search_id_index" ON "digest_deliveries" USING btree ("saved_search_id");--> statement-breakpoint
CREATE INDEX "digest_deliveries_due_idx" ON "digest_deliveries" USING btree ("next_attempt_at") WHERE "digest_deliveries"."status" = 'pending';