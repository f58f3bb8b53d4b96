import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databaseLocation } from "@/db/location";

/**
 * The session-signing secret: BETTER_AUTH_SECRET when set, otherwise one generated on
 * first run and stored beside the database (never in git), so a fresh clone just works
 * and sessions survive restarts.
 */
export function authSecret(): string {
  const fromEnv = process.env.BETTER_AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  // Beside a SQLite file; for PostgreSQL (and `:memory:`) in ./data, which every worker process
  // on this machine shares. Servers on several machines need BETTER_AUTH_SECRET (README).
  const location = databaseLocation();
  const dir = location.engine === "sqlite" && location.file !== ":memory:" ? path.dirname(path.resolve(location.file)) : path.resolve("data");
  const file = path.join(dir, ".auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(dir, { recursive: true });
    const secret = crypto.randomBytes(32).toString("base64url");
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}
