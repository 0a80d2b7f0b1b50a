import { parseSignInRateLimit } from "./format-wait";

/**
 * next-auth answers a refused credentials sign-in with 401 and, for fetch callers (json=true), a body
 * `{ url: ".../error?error=rate_limited%3A<seconds>" }`. This turns that into 429 with Retry-After, so
 * API clients see the limit as on every other route; next-auth's own client reads the same body.
 */
export async function withSignInRetryAfter(response: Response): Promise<Response> {
  if (response.status !== 401 || !response.headers.get("content-type")?.includes("application/json")) return response;
  const text = await response.clone().text();
  let seconds: number | undefined;
  try {
    const url = (JSON.parse(text) as { url?: unknown }).url;
    if (typeof url === "string") seconds = parseSignInRateLimit(new URL(url, "http://localhost").searchParams.get("error"));
  } catch {
    // not next-auth's JSON: pass it on unchanged
  }
  if (seconds === undefined) return response;
  const headers = new Headers(response.headers);
  headers.set("retry-after", String(seconds));
  return new Response(text, { status: 429, headers });
}
