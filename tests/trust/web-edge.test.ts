import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabaseReadOnly } from "@/db/client";
import { organization } from "@/db/schema";
import { freshDatabase } from "./databases";
import { startServer, stopServer, trustPort, type RunningServer } from "./server";
import { prepareTeam, TRUST_PASSWORD } from "./team";
import { cookieHeader } from "@/tests/support/fixtures";

// The production server's edge over real HTTP (server/serve.ts answers tRPC itself, Next the
// rest): what a page on another site could post is refused before any procedure runs, no JSON
// answer may be cached, pages run only scripts carrying this response's nonce, and a malformed
// address is the client's error.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-web-edge-"));
let dbFile = "";
let server: RunningServer;
let cookie = "";

beforeAll(async () => {
  dbFile = await freshDatabase(dir, "edge");
  await prepareTeam(dbFile, 1);
  server = await startServer(dbFile, trustPort(3513));
  const signIn = await fetch(`${server.url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url },
    body: JSON.stringify({ email: "owner@trust.test", password: TRUST_PASSWORD }),
  });
  expect(signIn.status).toBe(200);
  expect(signIn.headers.get("cache-control")).toBe("private, no-store");
  cookie = cookieHeader(signIn);
});

afterAll(async () => {
  if (server) await stopServer(server);
  fs.rmSync(dir, { recursive: true, force: true });
});

const teamName = async () => {
  const db = await openDatabaseReadOnly(dbFile);
  try {
    return (await db.select({ name: organization.name }).from(organization).get())!.name;
  } finally {
    await db.$close();
  }
};
const post = (procedure: string, headers: Record<string, string>, body: BodyInit) => fetch(`${server.url}/api/trpc/${procedure}`, { method: "POST", headers: { cookie, ...headers }, body });

describe("tRPC mutations over HTTP", () => {
  it("a multipart form posted with the session cookie gets 415 and renames nothing (it got 200 before)", async () => {
    const form = new FormData();
    form.set("name", "Renamed by a form");
    const response = await post("teams.updateSettings", { origin: server.url }, form);
    expect(response.status).toBe(415);
    expect(await teamName()).toBe("Trust Co");
  });

  it("JSON from another site's origin gets 403 and renames nothing", async () => {
    const response = await post("teams.updateSettings", { origin: "https://evil.example", "content-type": "application/json" }, JSON.stringify({ json: { name: "Cross-site" } }));
    expect(response.status).toBe(403);
    expect(await teamName()).toBe("Trust Co");
  });

  it("the app's own JSON call goes through, and tRPC answers are private, no-store", async () => {
    const response = await post("teams.updateSettings", { origin: server.url, "content-type": "application/json" }, JSON.stringify({ json: { name: "Trust Co Renamed" } }));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await teamName()).toBe("Trust Co Renamed");
    const members = await fetch(`${server.url}/api/trpc/teams.members`, { headers: { cookie } });
    expect(members.status).toBe(200);
    expect(members.headers.get("cache-control")).toBe("private, no-store");
  });
});

describe("other answers", () => {
  it("better-auth's session and the CSV downloads are private, no-store", async () => {
    for (const url of ["/api/auth/get-session", "/api/export/attempts"]) {
      const response = await fetch(`${server.url}${url}`, { headers: { cookie } });
      expect(response.status, url).toBe(200);
      expect(response.headers.get("cache-control"), url).toBe("private, no-store");
    }
  });

  it.each(["/prospects/%E0%A4%A", "/api/trpc/%E0%A4%A", "/api/auth/%E0%A4%A", "/%"])("a malformed %%-escape in %s is a 400, not a 500", async (url) => {
    const response = await fetch(`${server.url}${url}`, { headers: { cookie } });
    expect(response.status).toBe(400);
  });

  it("pages allow only scripts with this response's nonce: no 'unsafe-inline', a new nonce each time, on every script", async () => {
    const nonces: string[] = [];
    for (const page of ["/sign-in", "/sign-in", "/today"]) {
      const response = await fetch(`${server.url}${page}`, { headers: { cookie } });
      expect(response.status).toBe(200);
      const policy = response.headers.get("content-security-policy")!;
      const scriptSrc = policy.split("; ").find((d) => d.startsWith("script-src "))!;
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc)![1];
      nonces.push(nonce);
      const scripts = (await response.text()).match(/<script\b[^>]*>/g)!;
      expect(scripts.length).toBeGreaterThan(3);
      expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
    }
    expect(new Set(nonces).size).toBe(3);
  });
});
