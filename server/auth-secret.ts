import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databasePath } from "@/db/client";

/**
 * The session-signing secret: BETTER_AUTH_SECRET when set, otherwise one generated on
 * first run and stored beside the database (never in git), so a fresh clone just works
 * and sessions survive restarts.
 */
export function authSecret(): string {
  const fromEnv = process.env.BETTER_AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  const dbFile = databasePath();
  const dir = dbFile === ":memory:" ? path.resolve("data") : path.dirname(path.resolve(dbFile));
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
