import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ringbackOk } from "./cli";
import { ENGINE_NAME, freshDatabase, storageProblems } from "./databases";
import { repSession, signedInClient, type Acknowledged } from "./load";
import { startServer, stopServer, trustPort, type RunningServer } from "./server";
import { storedWriteIds } from "./shared-database";
import { prepareTeam } from "./team";

// DESIGN.md's promises about the call log under real load: every acknowledged write is kept
// exactly once, derived numbers stay right, and a killed server loses nothing it confirmed. On
// SQLite files, and on PostgreSQL databases in the suite's second pass (./databases.ts).

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

const sorted = (ids: Iterable<number>) => [...ids].sort((a, b) => a - b);

describe(`concurrent reps over HTTP on ${ENGINE_NAME}`, () => {
  it(`keeps every acknowledged write of ${REPS} reps × (500 dials + 100 callbacks) exactly once`, async () => {
    const dbFile = await freshDatabase(dir, "load");
    const team = await prepareTeam(dbFile, REPS);
    const server = await serve(dbFile, trustPort(3510));
    const clients = await Promise.all(team.emails.map((e) => signedInClient(server.url, e)));
    const acknowledged: Acknowledged = { attempts: [], callbacks: [], failures: [] };

    const started = Date.now();
    await Promise.all(clients.map((c, i) => repSession(c, i + 1, team.scriptId, { attempts: 500, callbacks: 100 }, acknowledged)));
    const seconds = (Date.now() - started) / 1000;
    console.log(`${ENGINE_NAME}: ${acknowledged.attempts.length + acknowledged.callbacks.length} writes in ${seconds.toFixed(1)} s`);

    expect(acknowledged.failures).toEqual([]);
    expect(server.output()).not.toMatch(/SQLITE_BUSY|database is locked/);
    await stopServer(server);

    const stored = await storedWriteIds(dbFile);
    expect(acknowledged.attempts).toHaveLength(REPS * 500);
    expect(acknowledged.callbacks).toHaveLength(REPS * 100);
    expect(new Set(acknowledged.attempts).size).toBe(REPS * 500);
    expect(sorted(stored.attempts)).toEqual(sorted(acknowledged.attempts));
    expect(sorted(stored.callbacks)).toEqual(sorted(acknowledged.callbacks));
    expect(await ringbackOk(dbFile, ["verify"])).toMatch(/^0 differences$/m);
  });

  it("loses no acknowledged write when the server is killed mid-load, and restarts clean", async () => {
    const dbFile = await freshDatabase(dir, "crash");
    const team = await prepareTeam(dbFile, REPS);
    const server = await serve(dbFile, trustPort(3510) + 1);
    const clients = await Promise.all(team.emails.map((e) => signedInClient(server.url, e)));
    const acknowledged: Acknowledged = { attempts: [], callbacks: [], failures: [] };

    const load = Promise.all(clients.map((c, i) => repSession(c, i + 1, team.scriptId, { attempts: 500, callbacks: 100 }, acknowledged)));
    // Kill once a good number of writes are confirmed, so the kill lands mid-stream.
    while (acknowledged.attempts.length < 1500) await new Promise((r) => setTimeout(r, 20));
    await stopServer(server, "SIGKILL");
    await load;
    const acknowledgedAtKill = acknowledged.attempts.length;
    expect(acknowledged.failures.length).toBeGreaterThan(0);

    expect(await storageProblems(dbFile)).toEqual([]);
    const stored = await storedWriteIds(dbFile);
    expect(acknowledged.attempts.filter((id) => !stored.attempts.has(id))).toEqual([]);
    expect(acknowledged.callbacks.filter((id) => !stored.callbacks.has(id))).toEqual([]);
    expect(await ringbackOk(dbFile, ["verify"])).toMatch(/^0 differences$/m);
    console.log(`${ENGINE_NAME}: killed after ${acknowledgedAtKill} acknowledged dials; ${stored.attempts.size} stored, 0 lost, verify 0 differences`);

    const restarted = await serve(dbFile, trustPort(3510) + 1);
    const client = await signedInClient(restarted.url, team.emails[0]);
    const after = await client.attempts.log.mutate({ prospect: { name: "After restart", phone: "+15165559999" }, outcome: "no-message" });
    expect(after.id).toBeGreaterThan(0);
    await stopServer(restarted);
  });
});
