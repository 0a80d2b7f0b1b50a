/**
 * Whether a personal link has outlived the survey's personal-link lifetime (surveys.personal_link_days,
 * null: no limit beyond the close date), counted from when the link last went out to the contact. A link
 * that never went out (still scheduled, failed, skipped) has nothing to count from and is not honoured.
 */
export function isPersonalLinkExpired(params: { days: number | null; sentAt: Date | undefined; now: Date }): boolean {
  if (params.days === null) return false;
  if (!params.sentAt) return true;
  return params.now.getTime() > params.sentAt.getTime() + params.days * 24 * 3600 * 1000;
}
