import { oauthProviders } from "@/lib/env";

const NAMES: Record<string, string> = { google: "Google", "azure-ad": "Microsoft Entra ID" };

/** How a sign-in service is named in the UI; the generic OIDC provider by its OIDC_NAME. */
export function providerDisplayName(id: string): string {
  if (id === "oidc") return oauthProviders().find((provider) => provider.id === "oidc")?.name ?? "SSO";
  return NAMES[id] ?? id;
}

export function configuredProviders(): { id: string; name: string }[] {
  return oauthProviders().map((provider) => ({ id: provider.id, name: providerDisplayName(provider.id) }));
}
