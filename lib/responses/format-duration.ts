/** "3 min 05 s" style, for durations in the list. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms == null) return "—";
  const seconds = Math.round(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes} min ${String(seconds % 60).padStart(2, "0")} s` : `${seconds} s`;
}
