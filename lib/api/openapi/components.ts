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
              code: { type: "string", enum: ["bad_request", "unauthorized", "forbidden", "not_found", "invalid", "conflict", "too_large", "unsupported_media_type", "closed", "expired", "rate_limited", "internal"] },
              message: { type: "string" },
              fieldErrors: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
            },
          },
        },
      },
    },
  },
} as const;

/** 429 from a per-client-address rate limit (README "Rate limits"). */
export const rateLimitedResponse = {
  ...errorResponse,
  description: "Too many requests from this client address (code rate_limited); try again after Retry-After seconds",
  headers: { "Retry-After": { description: "Seconds until a request may go ahead", schema: { type: "integer", minimum: 1 } } },
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
