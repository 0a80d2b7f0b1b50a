"use server";

import { z } from "zod";
import { workspaceAction } from "@/lib/auth/access";
import { importContacts } from "@/lib/distribution/import-contacts";
import { processDueMessages } from "@/lib/distribution/process-outbox";
import { ZImportContactsInput, ZSendMessagesInput, ZSurveyLimitsInput, parseLocalDateTime } from "@/lib/distribution/schemas";
import { sendMessages } from "@/lib/distribution/send-messages";
import { saveSurveyLimits } from "@/lib/distribution/survey-limits";

/** The Distribute page's actions: import contacts, queue invitations/reminders, drain the outbox, save limits. */

export const importContactsAction = workspaceAction({ schema: ZImportContactsInput, permission: "survey:write" }, async (ctx, input) =>
  importContacts(ctx.db, { workspaceId: ctx.workspace.id, surveyId: input.surveyId, csv: input.csv }),
);

export const sendMessagesAction = workspaceAction({ schema: ZSendMessagesInput, permission: "survey:write" }, async (ctx, input) =>
  sendMessages(ctx.db, {
    workspaceId: ctx.workspace.id,
    surveyId: input.surveyId,
    kind: input.kind,
    sendAt: parseLocalDateTime(input.sendAt, input.timezoneOffset),
  }),
);

export const processDueMessagesAction = workspaceAction({ schema: z.object({}), permission: "survey:write" }, async (ctx) =>
  processDueMessages(ctx.db, { workspaceId: ctx.workspace.id }),
);

export const saveSurveyLimitsAction = workspaceAction({ schema: ZSurveyLimitsInput, permission: "survey:write" }, async (ctx, input) =>
  saveSurveyLimits(ctx.db, { workspaceId: ctx.workspace.id, input }),
);
