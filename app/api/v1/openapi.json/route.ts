// Serves the OpenAPI 3.1 description of /api/v1.
import { openApiDocument } from "@/lib/api/openapi";
import { appUrl } from "@/lib/env";

export function GET() {
  return Response.json(openApiDocument(appUrl()));
}
