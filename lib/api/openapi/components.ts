/** Shared OpenAPI building blocks for every area's path fragment. */

export const errorResponse = {
  description: "Error",
  content: {
    "application/json": {
      schema: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: {
              code: { type: "string", enum: ["bad_request", "unauthorized", "forbidden", "not_found", "invalid", "conflict", "too_large", "closed", "expired", "internal"] },
              message: { type: "string" },
              fieldErrors: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
            },
          },
        },
      },
    },
  },
} as const;

export const standardErrors = {
  "400": errorResponse,
  "401": errorResponse,
  "403": errorResponse,
  "404": errorResponse,
  "422": errorResponse,
} as const;

export function jsonContent(schema: object) {
  return { "application/json": { schema } };
}

export const uuidParam = (name: string) => ({ name, in: "path", required: true, schema: { type: "string", format: "uuid" } }) as const;
