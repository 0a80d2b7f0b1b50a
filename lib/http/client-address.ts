import { isIP } from "node:net";
import { headers } from "next/headers";
import { trustProxySetting } from "@/lib/env";

/**
 * The client address that per-address rate limits count, from request headers (route handlers and
 * server actions never see the socket).
 *
 * Without TRUST_PROXY (the default) the socket's peer address counts: scripts/peer-address.cjs, preloaded
 * into every `next start`, writes it into `x-needscape-peer` over anything a client sent. X-Forwarded-For is
 * not used then: `next start` fills it only when a client sent none, so it says whatever a client wants.
 * Where no such stamp exists (`next dev`), every client gets the one key "direct". Behind a reverse proxy
 * the peer is the proxy, so set TRUST_PROXY:
 * - `1` (or `true`): one proxy appends the peer it saw to X-Forwarded-For; the right-most entry counts;
 * - `N`: N proxies in a chain each append; the N-th entry from the right counts (the right-most one no
 *   proxy of ours added);
 * - `first`: the left-most entry, for a proxy that replaces the header instead of appending;
 * - `x-real-ip`: the X-Real-IP header, for a proxy that sets only that.
 * IPv6 addresses count by their /64 prefix (one home or host gets a whole /64).
 */

export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

export type TrustProxy = { mode: "direct" } | { mode: "hops"; hops: number } | { mode: "first" } | { mode: "x-real-ip" };

export const DIRECT_CLIENT = "direct";
export const UNKNOWN_CLIENT = "unknown";
/** Set by scripts/peer-address.cjs from the socket, never taken from the client. */
export const PEER_HEADER = "x-needscape-peer";

export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? "").trim().toLowerCase();
  if (text === "" || text === "false" || text === "0") return { mode: "direct" };
  if (text === "true") return { mode: "hops", hops: 1 };
  if (text === "first") return { mode: "first" };
  if (text === "x-real-ip") return { mode: "x-real-ip" };
  const hops = Number(text);
  if (Number.isInteger(hops) && hops > 0 && hops < 100) return { mode: "hops", hops };
  throw new Error(`TRUST_PROXY must be unset, true, a number of proxies, "first" or "x-real-ip", not "${value}".`);
}

function header(source: HeaderSource, name: string): string | undefined {
  if (typeof (source as Headers).get === "function") return (source as Headers).get(name) ?? undefined;
  const value = (source as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/** Expands an IPv6 address to its eight groups, or undefined if it is not one. */
function ipv6Groups(address: string): number[] | undefined {
  const [head = "", tail] = address.split("::");
  if (address.split("::").length > 2) return undefined;
  const part = (text: string) => (text ? text.split(":") : []);
  let left = part(head);
  let right = part(tail ?? "");
  const last = (tail === undefined ? left : right).at(-1);
  // A trailing dotted IPv4 (::ffff:1.2.3.4) stands for two groups.
  if (last && last.includes(".")) {
    const bytes = last.split(".").map(Number);
    const groups = [(bytes[0]! << 8) | bytes[1]!, (bytes[2]! << 8) | bytes[3]!].map((g) => g.toString(16));
    if (tail === undefined) left = [...left.slice(0, -1), ...groups];
    else right = [...right.slice(0, -1), ...groups];
  }
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 0) return undefined;
  return [...left, ...Array(missing).fill("0"), ...right].map((group) => parseInt(group, 16));
}

/** The key one client address counts under: IPv4 as is, IPv4-mapped IPv6 as IPv4, other IPv6 by /64. */
export function normalizeAddress(raw: string | undefined): string {
  let address = (raw ?? "").trim();
  // "[2001:db8::1]:443", "1.2.3.4:5678" and zone ids ("fe80::1%eth0") from some proxies.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.replace(/:\d+$/, "");
  address = address.replace(/%.*$/, "").toLowerCase();
  const kind = isIP(address);
  if (kind === 4) return address;
  if (kind !== 6) return UNKNOWN_CLIENT;
  const groups = ipv6Groups(address);
  if (!groups) return UNKNOWN_CLIENT;
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join(".");
  }
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(":")}::/64`;
}

/** The address a request counts under, per the trust setting (see the module comment). */
export function clientAddressFrom(source: HeaderSource, trust: TrustProxy): string {
  if (trust.mode === "direct") {
    const peer = header(source, PEER_HEADER);
    return peer ? normalizeAddress(peer) : DIRECT_CLIENT;
  }
  if (trust.mode === "x-real-ip") return normalizeAddress(header(source, "x-real-ip"));
  const entries = (header(source, "x-forwarded-for") ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) return UNKNOWN_CLIENT;
  if (trust.mode === "first") return normalizeAddress(entries[0]);
  // Fewer entries than proxies: the chain is shorter than configured; the left-most is the farthest hop seen.
  return normalizeAddress(entries[Math.max(0, entries.length - trust.hops)]);
}

/** The client address of a route handler's request (or next-auth's header object), per TRUST_PROXY. */
export function clientAddress(source: HeaderSource | undefined): string {
  return clientAddressFrom(source ?? {}, parseTrustProxy(trustProxySetting()));
}

/** The client address of the request a server action or server component runs for. */
export async function requestClientAddress(): Promise<string> {
  return clientAddress(await headers());
}
