"use client";

import { useTransition } from "react";
import { revokeApiKeyAction, revokeInvitationAction } from "@/app/(app)/w/[workspace]/settings/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";

const ACTIONS = { invitation: revokeInvitationAction, apiKey: revokeApiKeyAction };

export function RevokeButton({ workspaceSlug, kind, id, label }: { workspaceSlug: string; kind: keyof typeof ACTIONS; id: string; label: string }) {
  const { t } = useI18n();
  const [pending, startTransition] = useTransition();
  return (
    <Button variant="secondary" aria-label={`${t("workspace.revoke")}: ${label}`} disabled={pending} onClick={() => startTransition(async () => void (await ACTIONS[kind](workspaceSlug, { id })))}>
      {t("workspace.revoke")}
    </Button>
  );
}
