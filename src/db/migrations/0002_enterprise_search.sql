CREATE TABLE "duplicate_dismissals" (
	"a_id" uuid NOT NULL,
	"b_id" uuid NOT NULL,
	"user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duplicate_dismissals_a_id_b_id_pk" PRIMARY KEY("a_id","b_id")
);
--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "name_pinyin" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "search_grams" text[];--> statement-breakpoint
CREATE INDEX "enterprises_grams_idx" ON "enterprises" USING gin ("search_grams");