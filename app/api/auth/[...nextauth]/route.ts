// next-auth endpoints: sign-in (credentials and SSO providers), sign-out, session, CSRF.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { withSignInRetryAfter } from "@/lib/rate-limit/sign-in-response";

// A rate-limited credentials sign-in leaves as 429 with Retry-After (lib/rate-limit/sign-in-response.ts).
const handler = async (request: Request, context: { params: Promise<{ nextauth: string[] }> }) =>
  withSignInRetryAfter(await NextAuth(request as never, context as never, authOptions()));

export { handler as GET, handler as POST };
