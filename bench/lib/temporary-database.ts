import { randomBytes } from "node:crypto";
import postgres from "postgres";

/** A fresh PostgreSQL database for one benchmark run, dropped afterwards. Loopback servers only. */
export async function createTemporaryDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const host = new URL(adminUrl).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) throw new Error(`Benchmarks run against a local PostgreSQL only, not ${host}.`);
  const name = `needscape_bench_${randomBytes(4).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
