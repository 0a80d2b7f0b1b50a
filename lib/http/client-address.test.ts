import { describe, expect, it } from "vitest";
import { clientAddressFrom, normalizeAddress, parseTrustProxy } from "./client-address";

const xff = (value: string) => new Headers({ "x-forwarded-for": value });

describe("client address", () => {
  it("reads TRUST_PROXY", () => {
    expect(parseTrustProxy(undefined)).toEqual({ mode: "direct" });
    expect(parseTrustProxy("")).toEqual({ mode: "direct" });
    expect(parseTrustProxy("false")).toEqual({ mode: "direct" });
    expect(parseTrustProxy("true")).toEqual({ mode: "hops", hops: 1 });
    expect(parseTrustProxy("2")).toEqual({ mode: "hops", hops: 2 });
    expect(parseTrustProxy("first")).toEqual({ mode: "first" });
    expect(parseTrustProxy("X-Real-IP")).toEqual({ mode: "x-real-ip" });
    expect(() => parseTrustProxy("loopback")).toThrow(/TRUST_PROXY/);
  });

  it("gives every client one key when no proxy is trusted, whatever the headers claim", () => {
    expect(clientAddressFrom(xff("203.0.113.7"), { mode: "direct" })).toBe("direct");
    expect(clientAddressFrom(new Headers({ "x-real-ip": "203.0.113.7" }), { mode: "direct" })).toBe("direct");
    expect(clientAddressFrom({}, { mode: "direct" })).toBe("direct");
  });

  it("counts the socket's peer address stamped by the server without a proxy, never a forwarded header", () => {
    expect(clientAddressFrom(new Headers({ "x-needscape-peer": "::ffff:198.51.100.4", "x-forwarded-for": "203.0.113.7" }), { mode: "direct" })).toBe("198.51.100.4");
    expect(clientAddressFrom(new Headers({ "x-needscape-peer": "2001:db8:1:2:3:4:5:6" }), { mode: "direct" })).toBe("2001:db8:1:2::/64");
    // Behind a trusted proxy the peer is the proxy: the forwarded header decides.
    expect(clientAddressFrom(new Headers({ "x-needscape-peer": "10.0.0.2", "x-forwarded-for": "203.0.113.7" }), { mode: "hops", hops: 1 })).toBe("203.0.113.7");
  });

  it("takes the right-most entry no proxy of ours added", () => {
    // The client wrote "1.1.1.1"; our proxy appended the peer it saw.
    expect(clientAddressFrom(xff("1.1.1.1, 203.0.113.7"), { mode: "hops", hops: 1 })).toBe("203.0.113.7");
    // Two proxies: the outer one appended the client, the inner one the outer proxy.
    expect(clientAddressFrom(xff("1.1.1.1, 203.0.113.7, 10.0.0.2"), { mode: "hops", hops: 2 })).toBe("203.0.113.7");
    expect(clientAddressFrom(xff("203.0.113.7"), { mode: "hops", hops: 3 })).toBe("203.0.113.7");
    expect(clientAddressFrom({ "x-forwarded-for": "1.1.1.1, 203.0.113.8" }, { mode: "hops", hops: 1 })).toBe("203.0.113.8");
    expect(clientAddressFrom(new Headers(), { mode: "hops", hops: 1 })).toBe("unknown");
  });

  it("takes the first entry or X-Real-IP when configured so", () => {
    expect(clientAddressFrom(xff("203.0.113.7, 10.0.0.2"), { mode: "first" })).toBe("203.0.113.7");
    expect(clientAddressFrom(new Headers({ "x-real-ip": "203.0.113.9", "x-forwarded-for": "1.1.1.1" }), { mode: "x-real-ip" })).toBe("203.0.113.9");
  });

  it("normalises addresses: ports, IPv4-mapped IPv6, IPv6 by /64, junk", () => {
    expect(normalizeAddress("203.0.113.7:51234")).toBe("203.0.113.7");
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress("::ffff:7f00:1")).toBe("127.0.0.1");
    expect(normalizeAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("[2001:DB8:1:2:bbbb:cccc:dddd:eeee]:443")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(normalizeAddress("::1")).toBe("0:0:0:0::/64");
    expect(normalizeAddress("not-an-address")).toBe("unknown");
    expect(normalizeAddress(undefined)).toBe("unknown");
  });
});
