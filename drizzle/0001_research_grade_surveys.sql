CREATE TABLE "response_erasures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"response_count" integer NOT NULL,
	"assignment_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"email" text NOT NULL,
	"customer_id" text,
	"language" text,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"unsubscribed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contacts_surveyId_email_unique" UNIQUE("survey_id","email")
);
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"to_email" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"send_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	"processed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_link_opens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"contact_id" uuid,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_link_opens_contactId_unique" UNIQUE("contact_id")
);
--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "contact_id" uuid;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "channel" text DEFAULT 'public' NOT NULL;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "last_question_id" text;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "duration_ms" integer;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "flags" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "surveys" ADD COLUMN "close_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "surveys" ADD COLUMN "response_limit" integer;--> statement-breakpoint
ALTER TABLE "surveys" ADD COLUMN "quotas" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "response_erasures" ADD CONSTRAINT "response_erasures_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_link_opens" ADD CONSTRAINT "survey_link_opens_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_link_opens" ADD CONSTRAINT "survey_link_opens_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_link_opens" ADD CONSTRAINT "survey_link_opens_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "response_erasures_workspace_id_index" ON "response_erasures" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "contacts_workspace_id_survey_id_index" ON "contacts" USING btree ("workspace_id","survey_id");--> statement-breakpoint
CREATE INDEX "outbox_messages_status_send_at_index" ON "outbox_messages" USING btree ("status","send_at");--> statement-breakpoint
CREATE INDEX "outbox_messages_workspace_id_survey_id_index" ON "outbox_messages" USING btree ("workspace_id","survey_id");--> statement-breakpoint
CREATE INDEX "outbox_messages_contact_id_index" ON "outbox_messages" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "survey_link_opens_workspace_id_survey_id_index" ON "survey_link_opens" USING btree ("workspace_id","survey_id");--> statement-breakpoint
CREATE INDEX "responses_survey_created_idx" ON "responses" USING btree ("survey_id","created_at","id");--> statement-breakpoint
CREATE INDEX "responses_workspace_customer_idx" ON "responses" USING btree ("workspace_id","customer_id");