import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ringbackOk } from "./cli";
import { ENGINE_NAME, freshDatabase } from "./databases";
import { repSession, signInCookie, type Acknowledged } from "./load";
import { startServer, stopServer, trustPort, type RunningServer } from "./server";
import { clientWithCookie, storedWriteIds } from "./shared-database";
import { prepareTeam } from "./team";

// Issue 15: two server processes over one database (two app servers in front of one PostgreSQL,
// or two processes on one SQLite file) behave as one. Reps log through both at once, one process
// is killed with SIGKILL mid-load: nothing either acknowledged is lost, derived numbers stay
// right, and a session made through one process is honoured (and its sign-out too) by the other.
// On each pass's engine (./databases.ts).

const REPS = 16;
const DIALS = 300;
const CALLBACKS = 60;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-trust-two-"));
const servers: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => stopServer(s, "SIGKILL")));
  fs.rmSync(dir, { recursive: true, force: true });
});

async function serve(location: string, port: number) {
  const server = await startServer(location, port);
  servers.push(server);
  return server;
}

describe(`two server processes over one ${ENGINE_NAME} database`, () => {
  it("share sessions, and lose no acknowledged write when one is killed mid-load", async () => {
    const database = await freshDatabase(dir, "two");
    const ports = [trustPort(3491), trustPort(3491) + 1];
    const team = await prepareTeam(database, REPS);
    const [a, b] = await Promise.all(ports.map((port) => serve(database, port)));

    // A session made through one process is valid on the other, both ways.
    const throughA = await signInCookie(a.url, team.emails[0]);
    expect((await clientWithCookie(b.url, throughA).teams.current.query()).slug).toBe(team.slug);
    const throughB = await signInCookie(b.url, team.emails[1]);
    expect((await clientWithCookie(a.url, throughB).teams.current.query()).slug).toBe(team.slug);
    // And signing out through one ends it on the other at once.
    const signOut = await fetch(`${a.url}/api/auth/sign-out`, {
      method: "POST",
      headers: { cookie: throughB, origin: a.url, "content-type": "application/json" },
      body: "{}",
    });
    expect(signOut.ok).toBe(true);
    await expect(clientWithCookie(b.url, throughB).teams.current.query()).rejects.toThrow(/UNAUTHORIZED|sign in/i);

    // Odd reps log through A, even ones through B, all at once.
    const onA: Acknowledged = { attempts: [], callbacks: [], failures: [] };
    const onB: Acknowledged = { attempts: [], callbacks: [], failures: [] };
    const cookies = await Promise.all(team.emails.map((email, i) => signInCookie(i % 2 === 0 ? a.url : b.url, email)));
    const started = Date.now();
    const load = Promise.all(
      cookies.map((cookie, i) => {
        const [server, acknowledged] = i % 2 === 0 ? [a, onA] : [b, onB];
        return repSession(clientWithCookie(server.url, cookie), i + 1, team.scriptId, { attempts: DIALS, callbacks: CALLBACKS }, acknowledged);
      }),
    );
    const total = REPS * (DIALS + CALLBACKS);
    while (onA.attempts.length + onB.attempts.length < total / 4) await new Promise((r) => setTimeout(r, 20));
    await stopServer(a, "SIGKILL");
    const atKill = onA.attempts.length + onA.callbacks.length;
    await load;
    const seconds = (Date.now() - started) / 1000;

    // The survivor kept answering every one of its reps; the killed one's reps lost their server.
    expect(onB.failures).toEqual([]);
    expect(onA.failures.length).toBeGreaterThan(0);
    expect(onB.attempts.length + onB.callbacks.length).toBe((REPS / 2) * (DIALS + CALLBACKS));
    expect(b.output()).not.toMatch(/SQLITE_BUSY|database is locked|deadlock/);

    const stored = await storedWriteIds(database);
    const acknowledgedAttempts = [...onA.attempts, ...onB.attempts];
    const acknowledgedCallbacks = [...onA.callbacks, ...onB.callbacks];
    expect(acknowledgedAttempts.filter((id) => !stored.attempts.has(id))).toEqual([]);
    expect(acknowledgedCallbacks.filter((id) => !stored.callbacks.has(id))).toEqual([]);
    expect(new Set(acknowledgedAttempts).size).toBe(acknowledgedAttempts.length);
    await stopServer(b);
    expect(await ringbackOk(database, ["verify"])).toMatch(/^0 differences$/m);

    const writes = acknowledgedAttempts.length + acknowledgedCallbacks.length;
    console.log(
      `${ENGINE_NAME}: ${writes} acknowledged writes through two processes in ${seconds.toFixed(1)} s (${Math.round(writes / seconds)}/s); ` +
        `A killed after ${atKill} of its own; ${stored.attempts.size} dials and ${stored.callbacks.size} callbacks stored, 0 acknowledged lost, verify 0 differences`,
    );
  });
});
