import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users, workspaces } from "./accounts";
import { segments } from "./segments";
import type { PersonaAction } from "@/lib/personas/schemas";

export const personaStatus = pgEnum("persona_status", ["draft", "published"]);

/** One persona per segment. */
export const personas = pgTable(
  "personas",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    segmentId: uuid().notNull().unique().references(() => segments.id, { onDelete: "cascade" }),
    name: text().notNull(),
    summary: text().notNull().default(""),
    goals: jsonb().$type<string[]>().notNull().default([]),
    pains: jsonb().$type<string[]>().notNull().default([]),
    actions: jsonb().$type<PersonaAction[]>().notNull().default([]),
    status: personaStatus().notNull().default("draft"),
    updatedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.workspaceId)],
);
export type Persona = typeof personas.$inferSelect;
