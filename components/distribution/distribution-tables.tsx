import { DataTable } from "@/components/ui/data-table";
import type { FunnelRow } from "@/lib/distribution/funnel";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translator";

/** Server-rendered tables of the Distribute page: contacts, outbox and the funnel. */

type Contact = { id: string; email: string; customerId: string | null; language: string | null; unsubscribedAt: Date | null; invited: boolean; completed: boolean };
type Message = { id: string; kind: string; toEmail: string; subject: string; body: string; status: string; sendAt: Date };

const cell = "px-4 py-2 align-top";

export function ContactsTable({ contacts, t }: { contacts: Contact[]; t: Translate }) {
  const status = (c: Contact) => (c.unsubscribedAt ? "unsubscribed" : c.completed ? "completed" : c.invited ? "invited" : "new");
  return (
    <DataTable caption={t("distribution.contactsTitle")} columns={[{ label: t("distribution.email") }, { label: t("distribution.customerId") }, { label: t("distribution.language") }, { label: t("distribution.status") }]}>
      {contacts.map((c) => (
        <tr key={c.id}>
          <td className={`${cell} whitespace-nowrap`}>{c.email}</td>
          <td className={cell}>{c.customerId ?? "—"}</td>
          <td className={cell}>{c.language ?? "—"}</td>
          <td className={cell}>{t(`distribution.status_${status(c)}`)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

export function OutboxTable({ messages, t, locale }: { messages: Message[]; t: Translate; locale: Locale }) {
  const known = ["scheduled", "sent", "outbox", "skipped", "failed"];
  return (
    <DataTable caption={t("distribution.outboxTitle")} columns={[{ label: t("distribution.to") }, { label: t("distribution.subject") }, { label: t("distribution.messageStatus") }, { label: t("distribution.sendAtColumn") }]}>
      {messages.map((m) => (
        <tr key={m.id}>
          <td className={`${cell} whitespace-nowrap`}>{m.toEmail}</td>
          <td className={`${cell} min-w-48`}>
            <p>{m.subject}</p>
            <details className="mt-1">
              <summary className="cursor-pointer text-indigo-700 underline">{t("distribution.showMessage")}</summary>
              {/* Plain text, never HTML: the body holds the exact message with its personal link. */}
              <pre aria-label={t("distribution.body")} className="mt-2 max-w-xl whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-xs">
                {m.body}
              </pre>
            </details>
          </td>
          <td className={cell}>{known.includes(m.status) ? t(`distribution.msg_${m.status as "sent"}`) : m.status}</td>
          <td className={`${cell} whitespace-nowrap`}>{m.sendAt.toLocaleString(locale, { dateStyle: "short", timeStyle: "short" })}</td>
        </tr>
      ))}
    </DataTable>
  );
}

export function FunnelTable({ rows, t, locale }: { rows: FunnelRow[]; t: Translate; locale: Locale }) {
  const percent = (value: number | null) => (value === null ? "—" : value.toLocaleString(locale, { style: "percent", maximumFractionDigits: 1 }));
  const numbers = ["invited", "opened", "started", "completed"] as const;
  return (
    <DataTable
      caption={t("distribution.funnelTitle")}
      columns={[{ label: t("distribution.channel") }, ...numbers.map((key) => ({ label: t(`distribution.${key}`), align: "right" as const })), { label: t("distribution.responseRate"), align: "right" }]}
    >
      {rows.map((row) => (
        <tr key={row.channel}>
          <th scope="row" className={`${cell} text-left font-medium`}>
            {t(`distribution.channel_${row.channel}`)}
          </th>
          {numbers.map((key) => (
            <td key={key} className={`${cell} text-right tabular-nums`}>
              {row.channel === "personal" || key !== "invited" ? row[key] : "—"}
            </td>
          ))}
          <td className={`${cell} text-right tabular-nums`}>{percent(row.responseRate)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
