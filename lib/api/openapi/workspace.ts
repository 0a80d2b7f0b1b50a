import { jsonContent, standardErrors } from "./components";

const roleEnum = { type: "string", enum: ["owner", "admin", "researcher", "facilitator", "viewer"] };

export const paths = {
  "/api/v1/members": {
    get: {
      summary: "List the workspace's members and roles",
      tags: ["Workspace"],
      responses: {
        "200": {
          description: "Members",
          content: jsonContent({
            type: "object",
            properties: {
              members: {
                type: "array",
                items: {
                  type: "object",
                  properties: { userId: { type: "string", format: "uuid" }, name: { type: "string" }, email: { type: "string" }, role: roleEnum, joinedAt: { type: "string", format: "date-time" } },
                },
              },
            },
          }),
        },
        ...standardErrors,
      },
    },
  },
  "/api/v1/invitations": {
    post: {
      summary: "Create a single-use invitation link with a role (never above the caller's), optionally bound to an e-mail; signed-in users only",
      tags: ["Workspace"],
      requestBody: {
        required: true,
        content: jsonContent({
          type: "object",
          required: ["role"],
          properties: {
            role: roleEnum,
            email: { type: ["string", "null"], format: "email", maxLength: 254, description: "Only a user signed in with this e-mail (any case) may accept. Omit, null or empty: anyone with the link." },
          },
        }),
      },
      responses: {
        "201": {
          description:
            "The invitation; open /invite/{token} to accept it. It works once, for 14 days, and is revoked when its creator is removed (or demoted below its role).",
          content: jsonContent({
            type: "object",
            properties: { id: { type: "string", format: "uuid" }, token: { type: "string" }, expiresAt: { type: "string", format: "date-time" }, email: { type: ["string", "null"] } },
          }),
        },
        ...standardErrors,
      },
    },
  },
  "/api/v1/api-keys": {
    get: {
      summary: "List active API keys (prefixes only)",
      tags: ["Workspace"],
      responses: {
        "200": {
          description: "Keys",
          content: jsonContent({
            type: "object",
            properties: {
              apiKeys: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    id: { type: "string", format: "uuid" },
                    name: { type: "string" },
                    role: roleEnum,
                    prefix: { type: "string" },
                    createdAt: { type: "string", format: "date-time" },
                    lastUsedAt: { type: ["string", "null"], format: "date-time" },
                  },
                },
              },
            },
          }),
        },
        ...standardErrors,
      },
    },
    post: {
      summary: "Create an API key; the key is returned once; signed-in users only",
      tags: ["Workspace"],
      requestBody: {
        required: true,
        content: jsonContent({ type: "object", required: ["name", "role"], properties: { name: { type: "string", maxLength: 80 }, role: { type: "string", enum: ["admin", "researcher", "facilitator", "viewer"] } } }),
      },
      responses: {
        "201": { description: "Created", content: jsonContent({ type: "object", properties: { id: { type: "string", format: "uuid" }, key: { type: "string" } } }) },
        ...standardErrors,
      },
    },
  },
};
