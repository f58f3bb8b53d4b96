import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, sqliteConnection } from "@/db/client";
import { integrityProblems } from "@/server/services/backup";
import { problemCount, verifyDatabase } from "@/server/services/verify";
import { repSession, signedInClient, type Acknowledged } from "./load";
import { startServer, stopServer, type RunningServer } from "./server";
import { prepareTeam } from "./team";

// DESIGN.md's promises about the call log under real load: every acknowledged write is kept
// exactly once, derived numbers stay right, and a killed server loses nothing it confirmed.

const REPS = 20;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-trust-"));
const servers: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => stopServer(s, "SIGKILL")));
  fs.rmSync(dir, { recursive: true, force: true });
});

async function serve(dbFile: string, port: number) {
  const server = await startServer(dbFile, port);
  servers.push(server);
  return server;
}

async function storedIds(dbFile: string) {
  const db = await openDatabase(dbFile);
  const attempts = sqliteConnection(db).prepare("select id from attempt").pluck().all() as number[];
  const callbacks = sqliteConnection(db).prepare("select id from callback").pluck().all() as number[];
  return { db, attempts, callbacks };
}

describe("concurrent reps over HTTP", () => {
  it(`keeps every acknowledged write of ${REPS} reps × (500 dials + 100 callbacks) exactly once`, async () => {
    const dbFile = path.join(dir, "load.db");
    const team = await prepareTeam(dbFile, REPS);
    const server = await serve(dbFile, 3510);
    const clients = await Promise.all(team.emails.map((e) => signedInClient(server.url, e)));
    const acknowledged: Acknowledged = { attempts: [], callbacks: [], failures: [] };

    const started = Date.now();
    await Promise.all(clients.map((c, i) => repSession(c, i + 1, team.scriptId, { attempts: 500, callbacks: 100 }, acknowledged)));
    const seconds = (Date.now() - started) / 1000;
    console.log(`${acknowledged.attempts.length + acknowledged.callbacks.length} writes in ${seconds.toFixed(1)} s`);

    expect(acknowledged.failures).toEqual([]);
    expect(server.output()).not.toMatch(/SQLITE_BUSY|database is locked/);
    await stopServer(server);

    const stored = await storedIds(dbFile);
    expect(acknowledged.attempts).toHaveLength(REPS * 500);
    expect(acknowledged.callbacks).toHaveLength(REPS * 100);
    expect(new Set(acknowledged.attempts).size).toBe(REPS * 500);
    expect(stored.attempts.sort((a, b) => a - b)).toEqual([...acknowledged.attempts].sort((a, b) => a - b));
    expect(stored.callbacks.sort((a, b) => a - b)).toEqual([...acknowledged.callbacks].sort((a, b) => a - b));
    const report = await verifyDatabase(stored.db);
    expect(problemCount(report)).toBe(0);
    await stored.db.$close();
  });

  it("loses no acknowledged write when the server is killed mid-load, and restarts clean", async () => {
    const dbFile = path.join(dir, "crash.db");
    const team = await prepareTeam(dbFile, REPS);
    const server = await serve(dbFile, 3511);
    const clients = await Promise.all(team.emails.map((e) => signedInClient(server.url, e)));
    const acknowledged: Acknowledged = { attempts: [], callbacks: [], failures: [] };

    const load = Promise.all(clients.map((c, i) => repSession(c, i + 1, team.scriptId, { attempts: 500, callbacks: 100 }, acknowledged)));
    // Kill once a good number of writes are confirmed, so the kill lands mid-stream.
    while (acknowledged.attempts.length < 1500) await new Promise((r) => setTimeout(r, 20));
    await stopServer(server, "SIGKILL");
    await load;
    const acknowledgedAtKill = acknowledged.attempts.length;
    expect(acknowledged.failures.length).toBeGreaterThan(0);

    const stored = await storedIds(dbFile);
    expect(integrityProblems(sqliteConnection(stored.db))).toEqual([]);
    const kept = new Set(stored.attempts);
    expect(acknowledged.attempts.filter((id) => !kept.has(id))).toEqual([]);
    expect(acknowledged.callbacks.filter((id) => !new Set(stored.callbacks).has(id))).toEqual([]);
    expect(problemCount(await verifyDatabase(stored.db))).toBe(0);
    await stored.db.$close();
    console.log(`killed after ${acknowledgedAtKill} acknowledged dials; ${stored.attempts.length} stored, 0 lost`);

    const restarted = await serve(dbFile, 3511);
    const client = await signedInClient(restarted.url, team.emails[0]);
    const after = await client.attempts.log.mutate({ prospect: { name: "After restart", phone: "+15165559999" }, outcome: "no-message" });
    expect(after.id).toBeGreaterThan(0);
    await stopServer(restarted);
  });
});
