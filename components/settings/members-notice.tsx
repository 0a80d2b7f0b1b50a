"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";

export type MembersNotice = { text: string; revoked: { apiKeys: number; invitations: number } };

const NoticeContext = createContext<(notice: MembersNotice | undefined) => void>(() => {});

/**
 * Holds the notice of the last removal or demotion above the members table. It lives above the rows
 * because the removed member's row, and the controls that ran the action, disappear with the refresh.
 */
export function MembersNoticeProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [notice, setNotice] = useState<MembersNotice>();
  return (
    <NoticeContext.Provider value={setNotice}>
      <div role="status" aria-live="polite">
        {notice && (
          <div className="mb-4 flex flex-wrap items-start justify-between gap-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            <p>
              {notice.text} {t("access.revokedCounts", { apiKeys: notice.revoked.apiKeys, invitations: notice.revoked.invitations })}
            </p>
            <Button variant="ghost" onClick={() => setNotice(undefined)}>
              {t("access.dismiss")}
            </Button>
          </div>
        )}
      </div>
      {children}
    </NoticeContext.Provider>
  );
}

export function useMembersNotice() {
  return useContext(NoticeContext);
}
