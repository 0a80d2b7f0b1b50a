import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./accounts";

export const studies = pgTable(
  "studies",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    name: text().notNull(),
    description: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.workspaceId)],
);
export type Study = typeof studies.$inferSelect;
