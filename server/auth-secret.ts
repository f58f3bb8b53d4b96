import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { postgresAppSecret } from "@/db/app-secret";
import { databaseLocation } from "@/db/location";

const newSecret = () => crypto.randomBytes(32).toString("base64url");

const globalForSecret = globalThis as unknown as { ringbackAuthSecret?: string };

/**
 * The session-signing secret: BETTER_AUTH_SECRET when set, otherwise one generated on first run
 * and kept — beside a SQLite file (never in git), or in a PostgreSQL database itself, so that
 * every server on every machine pointed at it shares it (db/app-secret.ts). A fresh clone just
 * works and sessions survive restarts. Read once per process, before better-auth is built.
 */
export async function loadAuthSecret(): Promise<string> {
  const fromEnv = process.env.BETTER_AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  const location = databaseLocation();
  if (location.engine === "postgres") return (globalForSecret.ringbackAuthSecret ??= await postgresAppSecret(location.url, "better-auth", newSecret));
  return authSecret();
}

/** The secret, once `loadAuthSecret` has run (getAuth does); on SQLite also before. */
export function authSecret(): string {
  const fromEnv = process.env.BETTER_AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  const location = databaseLocation();
  if (location.engine === "postgres") {
    if (!globalForSecret.ringbackAuthSecret) throw new Error("The session secret is read from the database first (loadAuthSecret).");
    return globalForSecret.ringbackAuthSecret;
  }
  // `:memory:` (tests) in ./data.
  const dir = location.file !== ":memory:" ? path.dirname(path.resolve(location.file)) : path.resolve("data");
  const file = path.join(dir, ".auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(dir, { recursive: true });
    const secret = newSecret();
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}
