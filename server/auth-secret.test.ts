import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { postgresAppSecret } from "@/db/app-secret";
import { freshPostgresDatabase } from "@/tests/support/postgres-databases";
import { authSecret, loadAuthSecret } from "./auth-secret";

// The generated session secret is shared by everything on one database: the worker processes of
// one machine, and on PostgreSQL servers on several machines (each with its own working folder).

const cluster = process.env.RINGBACK_TEST_POSTGRES;
const saved = { url: process.env.DATABASE_URL, secret: process.env.BETTER_AUTH_SECRET };
const forget = () => delete (globalThis as { ringbackAuthSecret?: string }).ringbackAuthSecret;

afterEach(() => {
  for (const [key, value] of [["DATABASE_URL", saved.url], ["BETTER_AUTH_SECRET", saved.secret]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  forget();
});

// Only in the PostgreSQL run (not a skipped test in the SQLite one).
if (cluster) describe("the session secret on PostgreSQL", () => {
  it("is made once, by whichever server starts first, and read by every other", async () => {
    const url = await freshPostgresDatabase(cluster!);
    const [first, second] = await Promise.all([postgresAppSecret(url, "better-auth", () => "made-by-a"), postgresAppSecret(url, "better-auth", () => "made-by-b")]);
    expect(first).toBe(second);
    expect(["made-by-a", "made-by-b"]).toContain(first);

    delete process.env.BETTER_AUTH_SECRET;
    process.env.DATABASE_URL = url;
    expect(() => authSecret()).toThrow(/read from the database first/);
    expect(await loadAuthSecret()).toBe(first);
    expect(authSecret()).toBe(first);
    // Another machine: nothing in its memory or working folder, the same key.
    forget();
    const elsewhere = process.cwd();
    process.chdir(fs.mkdtempSync(path.join(os.tmpdir(), "ringback-machine-")));
    try {
      expect(await loadAuthSecret()).toBe(first);
    } finally {
      process.chdir(elsewhere);
    }
  });
});

describe("the session secret on SQLite", () => {
  it("is generated once beside the database file, and BETTER_AUTH_SECRET wins when set", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-secret-"));
    delete process.env.BETTER_AUTH_SECRET;
    process.env.DATABASE_URL = path.join(dir, "ringback.db");
    const made = await loadAuthSecret();
    expect(made).toMatch(/^[\w-]{43}$/);
    expect(fs.readFileSync(path.join(dir, ".auth-secret"), "utf8")).toBe(made);
    expect(authSecret()).toBe(made);
    process.env.BETTER_AUTH_SECRET = "configured-secret";
    expect(await loadAuthSecret()).toBe("configured-secret");
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
