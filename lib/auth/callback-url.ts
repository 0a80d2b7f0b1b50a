/** Only same-site paths are followed after sign-in, so a crafted link cannot send users elsewhere. */
export function safeCallbackUrl(value: unknown, fallback = "/workspaces"): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : fallback;
}
