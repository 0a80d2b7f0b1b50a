import { jsonContent, standardErrors } from "./components";

const study = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    name: { type: "string" },
    description: { type: "string" },
    createdAt: { type: "string", format: "date-time" },
  },
};

export const paths = {
  "/api/v1/studies": {
    get: {
      summary: "List the workspace's studies",
      tags: ["Studies"],
      responses: { "200": { description: "Studies", content: jsonContent({ type: "object", properties: { studies: { type: "array", items: study } } }) }, ...standardErrors },
    },
    post: {
      summary: "Create a study",
      tags: ["Studies"],
      requestBody: {
        required: true,
        content: jsonContent({
          type: "object",
          required: ["name"],
          properties: { name: { type: "string", minLength: 2, maxLength: 120 }, description: { type: "string", maxLength: 2000 } },
        }),
      },
      responses: { "201": { description: "Created", content: jsonContent(study) }, ...standardErrors },
    },
  },
};
