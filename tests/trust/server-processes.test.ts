import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ringbackOk } from "./cli";
import { ENGINE_NAME, absentDatabase } from "./databases";
import { repSession, signedInClient, type Acknowledged } from "./load";
import { startServer, stopServer, trustPort, type RunningServer } from "./server";
import { storedWriteIds } from "./shared-database";
import { prepareTeam } from "./team";

// `npm start -- --workers N` (server/server-processes.ts): N server processes on one port over
// one database (a SQLite file, or a PostgreSQL database in the suite's second pass). They start on
// an absent file or an empty database (the primary migrates it once, so they never race to), answer reps together, and one killed with SIGKILL mid-load is replaced while the others
// keep answering: nothing acknowledged is lost and the derived numbers stay right.

const WORKERS = 3;
const REPS = 9;
const DIALS = 200;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-trust-workers-"));
const servers: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => stopServer(s, "SIGKILL")));
  fs.rmSync(dir, { recursive: true, force: true });
});

const workerPids = (server: RunningServer) => [...server.output().matchAll(/server process (\d+) started/g)].map((m) => Number(m[1]));

describe(`${WORKERS} server processes on one port over ${ENGINE_NAME}`, () => {
  it("migrate an absent database once, share the load, and replace a worker killed mid-load", async () => {
    const database = await absentDatabase(dir, "absent");
    const server = await startServer(database, trustPort(3495), { RINGBACK_WORKERS: String(WORKERS) });
    servers.push(server);
    while (workerPids(server).length < WORKERS) await new Promise((r) => setTimeout(r, 50));
    const [victim, ...others] = workerPids(server);
    expect(server.output()).toMatch(new RegExp(`${WORKERS} server processes on port`));

    const team = await prepareTeam(database, REPS);
    const clients = await Promise.all(team.emails.map((email) => signedInClient(server.url, email)));
    const acknowledged: Acknowledged = { attempts: [], callbacks: [], failures: [] };
    const started = Date.now();
    const load = Promise.all(clients.map((c, i) => repSession(c, i + 1, team.scriptId, { attempts: DIALS, callbacks: 0 }, acknowledged)));
    while (acknowledged.attempts.length < (REPS * DIALS) / 3) await new Promise((r) => setTimeout(r, 20));
    process.kill(victim, "SIGKILL");
    await load;
    const seconds = (Date.now() - started) / 1000;

    // Only the requests in flight on the killed process can have failed; everything else went through.
    expect(acknowledged.failures.length).toBeLessThanOrEqual(REPS);
    expect(acknowledged.attempts.length).toBe(REPS * DIALS - acknowledged.failures.length);
    expect(server.output()).toMatch(new RegExp(`Server process ${victim} ended \\(SIGKILL\\); starting another`));
    while (workerPids(server).length < WORKERS + 1) await new Promise((r) => setTimeout(r, 50));
    const replacement = workerPids(server)[WORKERS];
    for (const pid of [...others, replacement]) expect(() => process.kill(pid, 0), `process ${pid} runs`).not.toThrow();
    expect(server.output()).not.toMatch(/SQLITE_BUSY|database is locked|already exists/);

    // A fresh sign-in and write after the replacement, then every acknowledged write is there once.
    const after = await (await signedInClient(server.url, team.emails[0])).attempts.log.mutate({ prospect: { name: "After", phone: "+15165559998" }, outcome: "no-message" });
    acknowledged.attempts.push(after.id);
    await stopServer(server);
    for (const pid of [...others, replacement]) expect(() => process.kill(pid, 0), `process ${pid} stopped with the primary`).toThrow();
    const stored = await storedWriteIds(database);
    expect(acknowledged.attempts.filter((id) => !stored.attempts.has(id))).toEqual([]);
    expect(new Set(acknowledged.attempts).size).toBe(acknowledged.attempts.length);
    expect(await ringbackOk(database, ["verify"])).toMatch(/^0 differences$/m);
    console.log(
      `${WORKERS} workers: ${acknowledged.attempts.length} acknowledged dials in ${seconds.toFixed(1)} s, ${acknowledged.failures.length} in flight on the killed worker failed, ` +
        `worker ${victim} replaced by ${replacement}, 0 acknowledged lost, verify 0 differences`,
    );
  });
});
