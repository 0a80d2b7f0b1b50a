import { describe, expect, it } from "vitest";
import {
  backoffDecision,
  backoffWaitSeconds,
  nextBackoffState,
  nextWindowState,
  parseBackoffPolicy,
  parseDuration,
  parseWindowPolicy,
  retryAfterSeconds,
  windowDecision,
  type BackoffPolicy,
  type BackoffState,
  type WindowPolicy,
  type WindowState,
} from "./policy";

const t0 = new Date("2030-01-01T00:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe("settings", () => {
  it("reads durations in seconds, minutes, hours and days, up to a day", () => {
    expect(parseDuration("45")).toBe(45);
    expect(parseDuration("30s")).toBe(30);
    expect(parseDuration("5m")).toBe(300);
    expect(parseDuration("1h")).toBe(3600);
    expect(parseDuration("1d")).toBe(86_400);
    expect(parseDuration("0.5s")).toBe(0.5);
    expect(() => parseDuration("2d")).toThrow(/at most 1d/);
    expect(() => parseDuration("0s")).toThrow();
    expect(() => parseDuration("five minutes")).toThrow(/not a duration/);
  });

  it("reads window limits and back-offs, and off", () => {
    expect(parseWindowPolicy("30/5m")).toEqual({ kind: "window", limit: 30, windowSeconds: 300 });
    expect(parseWindowPolicy("off")).toBeUndefined();
    expect(parseBackoffPolicy("5/1s/15m")).toEqual({ kind: "backoff", freeFailures: 5, firstWaitSeconds: 1, maxWaitSeconds: 900 });
    expect(parseBackoffPolicy("OFF")).toBeUndefined();
    expect(() => parseWindowPolicy("30")).toThrow(/attempts\/period/);
    expect(() => parseWindowPolicy("0/5m")).toThrow(/whole number/);
    expect(() => parseWindowPolicy("2.5/5m")).toThrow(/whole number/);
    expect(() => parseBackoffPolicy("5/1m")).toThrow(/failures\/first wait\/longest wait/);
    expect(() => parseBackoffPolicy("5/10m/1m")).toThrow(/shorter than the first/);
  });
});

describe("window", () => {
  const policy: WindowPolicy = { kind: "window", limit: 3, windowSeconds: 60 };
  const run = (times: number[]) => {
    let state: WindowState | undefined;
    return times.map((s) => {
      state = nextWindowState(state, policy, at(s));
      return windowDecision(state, policy, at(s));
    });
  };

  it("lets `limit` attempts through per window and tells the rest when it ends", () => {
    expect(run([0, 1, 2, 3, 50])).toEqual([
      { allowed: true },
      { allowed: true },
      { allowed: true },
      { allowed: false, retryAfterSeconds: 57 },
      { allowed: false, retryAfterSeconds: 10 },
    ]);
  });

  it("starts a new window once the old one has run out", () => {
    expect(run([0, 1, 2, 3, 60, 61]).map((d) => d.allowed)).toEqual([true, true, true, false, true, true]);
  });

  it("caps the count at limit + 1 however many attempts are refused", () => {
    let state: WindowState | undefined;
    for (let i = 0; i < 1000; i++) state = nextWindowState(state, policy, at(1));
    expect(state).toEqual({ windowStartedAt: at(1), hits: 4 });
  });
});

describe("back-off", () => {
  const policy: BackoffPolicy = { kind: "backoff", freeFailures: 5, firstWaitSeconds: 1, maxWaitSeconds: 900 };

  it("waits 1 s after five failures, doubling to a cap of 15 minutes", () => {
    expect([1, 4, 5, 6, 7, 8, 14, 15, 16, 100, 10_000].map((n) => backoffWaitSeconds(policy, n))).toEqual([0, 0, 1, 2, 4, 8, 512, 900, 900, 900, 900]);
  });

  it("refuses attempts during a wait without lengthening it, and grows the wait with each failure let through", () => {
    let state: BackoffState | undefined;
    const attempt = (s: number) => {
      state = nextBackoffState(state, policy, at(s));
      return backoffDecision(state, at(s));
    };
    for (let i = 0; i < 5; i++) expect(attempt(0)).toEqual({ allowed: true });
    expect(state).toEqual({ failures: 5, blockedUntil: at(1), refused: 0 });
    expect(attempt(0.4)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(attempt(0.9)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(state).toEqual({ failures: 5, blockedUntil: at(1), refused: 2 });
    expect(attempt(1)).toEqual({ allowed: true });
    expect(state).toEqual({ failures: 6, blockedUntil: at(3), refused: 0 });
    expect(attempt(2)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(attempt(3)).toEqual({ allowed: true });
    expect(state!.blockedUntil).toEqual(at(7));
  });

  it("lets only the free failures through when many attempts arrive at once", () => {
    let state: BackoffState | undefined;
    const allowed = Array.from({ length: 50 }, () => {
      state = nextBackoffState(state, policy, t0);
      return backoffDecision(state, t0).allowed;
    }).filter(Boolean).length;
    expect(allowed).toBe(5);
  });

  it("rounds Retry-After up to whole seconds, at least 1", () => {
    expect(retryAfterSeconds(at(120), t0)).toBe(120);
    expect(retryAfterSeconds(at(119.2), t0)).toBe(120);
    expect(retryAfterSeconds(at(0.001), t0)).toBe(1);
    expect(retryAfterSeconds(t0, t0)).toBe(1);
  });
});
