// Production start: migrate, then serve. Works on the embedded database or DATABASE_URL.
import { appUrl, authSecret, embedAllowedOrigins } from "@/lib/env";
import { buildIfNeeded } from "./build-if-needed";
import { migrateDefaultDatabase } from "./migrate";
import { startNextServer } from "./next-server";

const port = Number(process.env.PORT ?? 3000);
authSecret(); // creates .data/auth-secret on first start of the embedded set-up, or fails early without one in production
appUrl(); // a deployment (DATABASE_URL) must say where users reach it: e-mailed links are built from it
embedAllowedOrigins(); // a mistyped origin stops the start rather than every page
await migrateDefaultDatabase();
buildIfNeeded();
startNextServer({ port });
