CREATE TABLE "data_import_rows" (
	"import_id" uuid NOT NULL,
	"line_number" integer NOT NULL,
	"key" text NOT NULL,
	"customer_external_id" text,
	"order_id" text,
	"occurred_at" timestamp with time zone,
	"item_code" text,
	"quantity" numeric(14, 3),
	"unit_price" numeric(14, 4),
	"amount" numeric(18, 4),
	"is_cancellation" boolean,
	"event_name" text,
	"attributes" jsonb,
	"last_active_at" timestamp with time zone,
	"sessions_per_month" double precision,
	"active_days_per_month" double precision
);
