import { Card } from "@/components/ui/card";
import type { RespondentJoin } from "@/db/queries/customer-metric-views";
import type { Translate } from "@/lib/i18n/translator";
import { formatNumber, formatPercent, segmentLabel } from "./format";

/**
 * Match rate of respondents to customers (matches through signed personal links and through unverified
 * ids apart), the ids that did not match, and customers nobody answered for.
 */
export function RespondentJoinPanel({ t, locale, join }: { t: Translate; locale: string; join: RespondentJoin }) {
  const rate = join.withCustomerId ? join.matched / join.withCustomerId : 0;
  return (
    <Card title={t("customerMetrics.joinTitle")}>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        {[
          [t("customerMetrics.joinResponses"), formatNumber(locale, join.responses)],
          [t("customerMetrics.joinWithId"), formatNumber(locale, join.withCustomerId)],
          [t("customerMetrics.joinMatched"), formatNumber(locale, join.matched)],
          [t("customerMetrics.joinRate"), join.withCustomerId ? formatPercent(locale, rate) : "–"],
          [t("customerMetrics.joinMatchedVerified"), formatNumber(locale, join.matchedVerified)],
          [t("customerMetrics.joinMatchedUnverified"), formatNumber(locale, join.matchedUnverified)],
        ].map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="text-lg font-semibold text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-sm text-slate-700">
        {t("customerMetrics.joinRateText", { matched: join.matched, withId: join.withCustomerId, rate: formatPercent(locale, rate), all: join.responses })}
      </p>
      <p className="mt-1 text-sm text-slate-700">
        {t(join.verifiedOnly ? "customerMetrics.joinVerifiedOnlyText" : "customerMetrics.joinVerifiedText", {
          verified: formatNumber(locale, join.matchedVerified),
          unverified: formatNumber(locale, join.matchedUnverified),
        })}
      </p>
      <div className="mt-4 grid gap-4 md:grid-cols-2">
        <div>
          <h3 className="text-sm font-semibold text-slate-900">{t("customerMetrics.unmatchedTitle")}</h3>
          {join.unmatched.length === 0 ? (
            <p className="text-sm text-slate-600">{t("customerMetrics.noneUnmatched")}</p>
          ) : (
            <ul className="mt-1 max-h-48 overflow-auto text-sm" aria-label={t("customerMetrics.unmatchedTitle")}>
              {join.unmatched.map((u) => (
                <li key={u.customerId} className="font-mono">
                  {u.customerId} <span className="font-sans text-slate-500">({u.responses})</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3 className="text-sm font-semibold text-slate-900">{t("customerMetrics.withoutResponseTitle", { count: formatNumber(locale, join.customersWithoutResponse) })}</h3>
          <ul className="mt-1 max-h-48 overflow-auto text-sm" aria-label={t("customerMetrics.withoutResponseTitle", { count: join.customersWithoutResponse })}>
            {join.customersWithoutResponseSample.map((c) => (
              <li key={c.customerId}>
                <span className="font-mono">{c.customerId}</span> · {segmentLabel(t, c.segment)} · {formatNumber(locale, c.monetary, 2)}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </Card>
  );
}
