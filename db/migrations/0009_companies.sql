CREATE TABLE "company_follows" (
	"user_id" text NOT NULL,
	"board_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "company_follows_user_id_board_id_pk" PRIMARY KEY("user_id","board_id")
);
--> statement-breakpoint
CREATE TABLE "hidden_companies" (
	"user_id" text NOT NULL,
	"company_key" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hidden_companies_user_id_company_key_pk" PRIMARY KEY("user_id","company_key")
);
--> statement-breakpoint
ALTER TABLE "boards" ADD COLUMN "ats_system" text;--> statement-breakpoint
ALTER TABLE "boards" ADD COLUMN "ats_token" text;--> statement-breakpoint
ALTER TABLE "company_follows" ADD CONSTRAINT "company_follows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_follows" ADD CONSTRAINT "company_follows_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hidden_companies" ADD CONSTRAINT "hidden_companies_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "company_follows_board_id_index" ON "company_follows" USING btree ("board_id");--> statement-breakpoint
CREATE UNIQUE INDEX "boards_ats_system_ats_token_index" ON "boards" USING btree ("ats_system","ats_token");