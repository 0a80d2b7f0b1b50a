ALTER TABLE "transactions" DROP CONSTRAINT "transactions_workspace_id_workspaces_id_fk";
--> statement-breakpoint
ALTER TABLE "usage_events" DROP CONSTRAINT "usage_events_workspace_id_workspaces_id_fk";
--> statement-breakpoint
DROP INDEX "transactions_workspace_id_customer_external_id_index";--> statement-breakpoint
DROP INDEX "usage_events_workspace_id_customer_external_id_index";--> statement-breakpoint
ALTER TABLE "transactions" DROP CONSTRAINT "transactions_workspace_id_line_key_pk";--> statement-breakpoint
ALTER TABLE "usage_events" DROP CONSTRAINT "usage_events_workspace_id_event_key_pk";--> statement-breakpoint
CREATE INDEX "transactions_workspace_id_import_id_index" ON "transactions" USING btree ("workspace_id","import_id");--> statement-breakpoint
CREATE INDEX "usage_events_workspace_id_import_id_index" ON "usage_events" USING btree ("workspace_id","import_id");--> statement-breakpoint
-- Lines of imports deleted before this migration stay, as lines of no import (always visible).
UPDATE "transactions" SET "import_id" = NULL WHERE "import_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "data_imports" i WHERE i."id" = "transactions"."import_id");--> statement-breakpoint
UPDATE "usage_events" SET "import_id" = NULL WHERE "import_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "data_imports" i WHERE i."id" = "usage_events"."import_id");--> statement-breakpoint
-- What the dropped foreign keys did, once per statement instead of a check per COPYed row:
-- lines go with their workspace, and with their import.
CREATE FUNCTION "delete_customer_lines_of_workspaces"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "transactions" WHERE "workspace_id" IN (SELECT "id" FROM gone);
  DELETE FROM "usage_events" WHERE "workspace_id" IN (SELECT "id" FROM gone);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "workspaces_delete_customer_lines" AFTER DELETE ON "workspaces" REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION "delete_customer_lines_of_workspaces"();--> statement-breakpoint
CREATE FUNCTION "delete_customer_lines_of_imports"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "transactions" t USING gone g WHERE t."workspace_id" = g."workspace_id" AND t."import_id" = g."id";
  DELETE FROM "usage_events" e USING gone g WHERE e."workspace_id" = g."workspace_id" AND e."import_id" = g."id";
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "data_imports_delete_customer_lines" AFTER DELETE ON "data_imports" REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION "delete_customer_lines_of_imports"();
