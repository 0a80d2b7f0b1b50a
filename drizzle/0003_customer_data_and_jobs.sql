CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"progress" jsonb,
	"result" jsonb,
	"error" text,
	"cancel_requested_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_by" text,
	"heartbeat_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "customer_metric_settings" (
	"study_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_metric_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"study_id" uuid NOT NULL,
	"reference_date" date NOT NULL,
	"settings" jsonb NOT NULL,
	"summary" jsonb,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_metrics" (
	"snapshot_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"customer_external_id" text NOT NULL,
	"recency_days" integer,
	"frequency" integer DEFAULT 0 NOT NULL,
	"monetary" numeric(18, 4) DEFAULT '0' NOT NULL,
	"recency_score" smallint,
	"frequency_score" smallint,
	"monetary_score" smallint,
	"rfm_segment" text,
	"engagement_tier" text,
	"average_order_value" numeric(18, 4),
	"arpu" numeric(18, 4),
	"first_purchase_at" timestamp with time zone,
	"last_purchase_at" timestamp with time zone,
	"churned" boolean,
	CONSTRAINT "customer_metrics_snapshot_id_customer_external_id_pk" PRIMARY KEY("snapshot_id","customer_external_id")
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"workspace_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customers_workspace_id_external_id_pk" PRIMARY KEY("workspace_id","external_id")
);
--> statement-breakpoint
CREATE TABLE "data_import_chunks" (
	"import_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" text NOT NULL,
	CONSTRAINT "data_import_chunks_import_id_seq_pk" PRIMARY KEY("import_id","seq")
);
--> statement-breakpoint
CREATE TABLE "data_import_errors" (
	"import_id" uuid NOT NULL,
	"line_number" integer NOT NULL,
	"reason" text NOT NULL,
	"raw_line" text,
	CONSTRAINT "data_import_errors_import_id_line_number_pk" PRIMARY KEY("import_id","line_number")
);
--> statement-breakpoint
CREATE TABLE "data_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"byte_size" integer DEFAULT 0 NOT NULL,
	"gzipped" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'uploading' NOT NULL,
	"mapping" jsonb,
	"options" jsonb,
	"job_id" uuid,
	"row_count" integer,
	"imported_count" integer,
	"unchanged_count" integer,
	"bad_row_count" integer,
	"error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "transactions" (
	"workspace_id" uuid NOT NULL,
	"line_key" text NOT NULL,
	"customer_external_id" text,
	"order_id" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"item_code" text,
	"quantity" numeric(14, 3),
	"unit_price" numeric(14, 4),
	"amount" numeric(18, 4) NOT NULL,
	"is_cancellation" boolean DEFAULT false NOT NULL,
	"import_id" uuid,
	CONSTRAINT "transactions_workspace_id_line_key_pk" PRIMARY KEY("workspace_id","line_key")
);
--> statement-breakpoint
CREATE TABLE "usage_events" (
	"workspace_id" uuid NOT NULL,
	"event_key" text NOT NULL,
	"customer_external_id" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"event_name" text,
	"import_id" uuid,
	CONSTRAINT "usage_events_workspace_id_event_key_pk" PRIMARY KEY("workspace_id","event_key")
);
--> statement-breakpoint
CREATE TABLE "usage_summaries" (
	"workspace_id" uuid NOT NULL,
	"customer_external_id" text NOT NULL,
	"last_active_at" timestamp with time zone,
	"sessions_per_month" double precision,
	"active_days_per_month" double precision,
	"import_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_summaries_workspace_id_customer_external_id_pk" PRIMARY KEY("workspace_id","customer_external_id")
);
--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_metric_settings" ADD CONSTRAINT "customer_metric_settings_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_metric_settings" ADD CONSTRAINT "customer_metric_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_metric_snapshots" ADD CONSTRAINT "customer_metric_snapshots_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_metric_snapshots" ADD CONSTRAINT "customer_metric_snapshots_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_metrics" ADD CONSTRAINT "customer_metrics_snapshot_id_customer_metric_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."customer_metric_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_metrics" ADD CONSTRAINT "customer_metrics_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_import_chunks" ADD CONSTRAINT "data_import_chunks_import_id_data_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."data_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_import_errors" ADD CONSTRAINT "data_import_errors_import_id_data_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."data_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_imports" ADD CONSTRAINT "data_imports_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_imports" ADD CONSTRAINT "data_imports_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_imports" ADD CONSTRAINT "data_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_summaries" ADD CONSTRAINT "usage_summaries_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "jobs_status_created_at_index" ON "jobs" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "jobs_workspace_id_kind_created_at_index" ON "jobs" USING btree ("workspace_id","kind","created_at");--> statement-breakpoint
CREATE INDEX "customer_metric_snapshots_workspace_id_study_id_computed_at_index" ON "customer_metric_snapshots" USING btree ("workspace_id","study_id","computed_at");--> statement-breakpoint
CREATE INDEX "customer_metrics_workspace_id_customer_external_id_index" ON "customer_metrics" USING btree ("workspace_id","customer_external_id");--> statement-breakpoint
CREATE INDEX "data_imports_workspace_id_created_at_index" ON "data_imports" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "transactions_workspace_id_customer_external_id_index" ON "transactions" USING btree ("workspace_id","customer_external_id");--> statement-breakpoint
CREATE INDEX "usage_events_workspace_id_customer_external_id_index" ON "usage_events" USING btree ("workspace_id","customer_external_id");