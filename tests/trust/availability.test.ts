import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BATCH_CALLS } from "@/lib/batch-limit";
import { freshDatabase } from "./databases";
import { signedInClient, signInCookie } from "./load";
import { startServer, stopServer, trustPort, type RunningServer } from "./server";
import { prepareTeam } from "./team";

// Issue 11, "Availability: nobody stalls the server for others", over real HTTP against the
// production server: batches and ranges are capped, expensive reads are budgeted per user, bodies
// are bounded before anyone is authenticated, imports run off the request thread, and a fault
// nobody caught ends the server so the launcher starts a clean one.

const port = trustPort(3101);
const STATS_READS_PER_SECOND = 0.5;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-avail-"));
let dbFile = "";
let server: RunningServer;
let busy: Awaited<ReturnType<typeof prepareTeam>>;
let quiet: Awaited<ReturnType<typeof prepareTeam>>;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  dbFile = await freshDatabase(dir, "avail");
  busy = await prepareTeam(dbFile, 3, { name: "Busy Co", domain: "busy.test" });
  quiet = await prepareTeam(dbFile, 1, { name: "Quiet Co", domain: "quiet.test" });
  // The default burst (30 calls), regained slower than the default 5 a second, so a refusal
  // does not depend on how fast a crowded machine answers the calls that spent the burst.
  server = await startServer(dbFile, port, { RINGBACK_STATS_READS_PER_SECOND: String(STATS_READS_PER_SECOND) });
  for (const email of [busy.ownerEmail, busy.emails[0], busy.emails[1], quiet.ownerEmail]) cookies[email] = await signInCookie(server.url, email);
  // Ten days of dials for the busy team, so its charts have a real span of activity.
  const owner = await signedInClient(server.url, busy.ownerEmail);
  const started = Date.now() - 9 * 86_400_000;
  for (let i = 0; i < 40; i++) {
    await owner.attempts.log.mutate({
      prospect: { name: `Prospect ${i % 8}`, phone: `+1516557000${i % 8}` },
      outcome: i % 2 ? "voicemail" : "no-message",
      scriptId: i % 2 ? busy.scriptId : undefined,
      at: new Date(started + i * 5 * 3_600_000),
    });
  }
});
afterAll(async () => {
  if (server) await stopServer(server, "SIGKILL");
  fs.rmSync(dir, { recursive: true, force: true });
});

const trpcUrl = (procedures: string[], inputs: unknown[]) => {
  const input = Object.fromEntries(inputs.map((json, i) => [i, { json }]));
  return `${server.url}/api/trpc/${procedures.join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
};
const get = (email: string, procedures: string[], inputs: unknown[] = procedures.map(() => undefined)) =>
  fetch(trpcUrl(procedures, inputs), { headers: { cookie: cookies[email], origin: server.url } });

type Sent = { status: number; ms: number; bytesSent: number };

/**
 * A POST written by hand on a bare socket: `declared` bytes announced (or chunked when null), then
 * up to `send` bytes streamed in 64 KB pieces until the server answers or drops the connection.
 * Bare, because an HTTP client reports the dropped connection and loses the answer before it.
 */
function rawPost(pathname: string, { declared, send, cookie = "" }: { declared: number | null; send: number; cookie?: string }): Promise<Sent> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(port, "localhost");
    const framing = declared === null ? "transfer-encoding: chunked" : `content-length: ${declared}`;
    socket.write(`POST ${pathname} HTTP/1.1\r\nhost: localhost:${port}\r\norigin: ${server.url}\r\ncontent-type: application/json\r\ncookie: ${cookie}\r\n${framing}\r\n\r\n`);
    let bytesSent = 0;
    let answer = "";
    const piece = Buffer.alloc(64 * 1024, "a");
    const chunk = declared === null ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from("\r\n")]) : piece;
    const finish = () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0), ms: Date.now() - started, bytesSent });
    const pump = () => {
      while (!answer && !socket.destroyed && bytesSent < send) {
        bytesSent += piece.length;
        if (!socket.write(chunk)) return void socket.once("drain", pump);
      }
    };
    socket.on("data", (d) => {
      answer += d;
      if (/\r\n\r\n/.test(answer)) socket.destroy();
    });
    socket.on("error", () => undefined);
    socket.on("close", finish);
    // A server that reads on instead of answering never closes: give up, as status 0.
    setTimeout(() => socket.destroy(), 10_000).unref();
    pump();
  });
}

/** A call log for the busy team: `rows` dials of its reps over 200 prospects, 40% voicemails. */
function callLog(rows: number) {
  const lines = ["time,rep_email,prospect_name,prospect_phone,outcome,script,notes"];
  const start = Date.UTC(2025, 0, 6, 14);
  for (let i = 0; i < rows; i++) {
    const voicemail = i % 5 < 2;
    const prospect = i % 200;
    lines.push(
      `${new Date(start + i * 60_000).toISOString()},${busy.emails[i % 3]},Prospect ${prospect},+1516558${String(prospect).padStart(4, "0")},${voicemail ? "left voicemail" : "no answer"},${voicemail ? "Trust script" : ""},row ${i}`,
    );
  }
  return lines.join("\n");
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

describe("batches and ranges", () => {
  it(`answers a batch of ${MAX_BATCH_CALLS + 1} calls with a 400 and a batch of ${MAX_BATCH_CALLS} as usual`, async () => {
    const tooMany = await get(busy.ownerEmail, Array(MAX_BATCH_CALLS + 1).fill("teams.current"));
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toMatch(/batch/i);
    const allowed = await get(busy.ownerEmail, Array(MAX_BATCH_CALLS).fill("teams.current"));
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toHaveLength(MAX_BATCH_CALLS);
  });

  it("refuses a century-wide custom range with a 400 that says the maximum", async () => {
    const response = await get(busy.ownerEmail, ["leaderboard.rep"], [{ range: "custom", from: "2000-01-01", to: "2099-12-31" }]);
    expect(response.status).toBe(400);
    const [answer] = await response.json();
    expect(answer.error.json.data.code).toBe("BAD_REQUEST");
    expect(answer.error.json.message).toContain("at most 1,096 days");
  });

  it("builds per-day charts over the team's activity only, not over every day of the range", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const threeYearsBack = new Date(Date.now() - 1090 * 86_400_000).toISOString().slice(0, 10);
    const response = await get(busy.ownerEmail, ["leaderboard.overview"], [{ range: "custom", from: threeYearsBack, to: today }]);
    expect(response.status).toBe(200);
    const [answer] = await response.json();
    const activity = answer.result.data.json.activity as { date: string; dials: number }[];
    // Ten days of dials, up to today (and a day either side for the zone): not 1,090 entries.
    expect(activity.length).toBeGreaterThanOrEqual(10);
    expect(activity.length).toBeLessThanOrEqual(12);
    expect(activity.reduce((sum, d) => sum + d.dials, 0)).toBe(40);
  });
});

describe("budgets of expensive calls", () => {
  it("answers a user who hammers the leaderboard with 429 and Retry-After, and other users as usual", async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 8; i++) {
      const response = await get(busy.emails[0], Array(MAX_BATCH_CALLS).fill("leaderboard.get"), Array(MAX_BATCH_CALLS).fill({ by: "rep", range: "all" }));
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get("retry-after");
    }
    // A burst of 30 calls, then one every 2 s: the fourth batch of ten is already over budget.
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.slice(4)).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    // The leaderboard's CSV twin draws on the same budget.
    const csv = await fetch(`${server.url}/api/leaderboard.csv?by=rep`, { headers: { cookie: cookies[busy.emails[0]] } });
    expect(csv.status).toBe(429);
    expect(Number(csv.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const other = await get(quiet.ownerEmail, ["leaderboard.get"], [{ by: "rep", range: "all" }]);
    expect(other.status).toBe(200);
    await new Promise((r) => setTimeout(r, Number(retryAfter) * 1000));
    expect((await get(busy.emails[0], ["leaderboard.get"], [{ by: "rep", range: "all" }])).status).toBe(200);
  });
});

describe("bounded bodies", () => {
  it("refuses a declared 200 MB body at once with 413, before reading it and before authentication", async () => {
    const sent = await rawPost("/api/trpc/me", { declared: 200_000_000, send: 64 * 1024 * 8 });
    expect(sent.status).toBe(413);
    expect(sent.ms).toBeLessThan(2000);
    expect(sent.bytesSent).toBeLessThan(2_000_000);
  });

  it("cuts off a chunked body at 1 MB with 413", async () => {
    const sent = await rawPost("/api/trpc/attempts.log", { declared: null, send: 50_000_000, cookie: cookies[busy.emails[0]] });
    expect(sent.status).toBe(413);
    expect(sent.bytesSent).toBeLessThan(20_000_000);
  });

  it("refuses oversize bodies in front of Next's routes (better-auth here) too", async () => {
    const declared = await rawPost("/api/auth/sign-in/email", { declared: 100_000_000, send: 64 * 1024 });
    expect(declared.status).toBe(413);
    const chunked = await rawPost("/api/auth/sign-in/email", { declared: null, send: 64 * 1024 });
    expect(chunked.status).toBe(411);
  });

  it("lets only a signed-in manager upload an import over 1 MB", async () => {
    const csv = callLog(20_000);
    expect(csv.length).toBeGreaterThan(1_500_000);
    const body = JSON.stringify({ json: { kind: "attempts", csv, dryRun: true } });
    const post = (cookie: string) =>
      fetch(`${server.url}/api/trpc/imports.run`, { method: "POST", headers: { cookie, origin: server.url, "content-type": "application/json" }, body });
    expect((await post(cookies[busy.emails[0]])).status).toBe(413);
    expect((await post("")).status).toBe(413);
    const manager = await post(cookies[busy.ownerEmail]);
    expect(manager.status).toBe(200);
    const summary = (await manager.json()).result.data.json;
    expect(summary).toMatchObject({ rows: 20_000, errorCount: 0, dryRun: true, written: false });
  });
});

describe("long work off the request thread", () => {
  it("keeps another team's p95 under 300 ms while one user hammers the heaviest reads and a large import dry-runs", async () => {
    const csv = callLog(50_000);
    const importer = await signedInClient(server.url, busy.ownerEmail);
    const bystander = await signedInClient(server.url, quiet.ownerEmail);
    const latencies: number[] = [];
    const failures: string[] = [];
    let refused = 0;

    // The same calls on a quiet server first, for the figure beside the one under load.
    const quietLatencies: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t = performance.now();
      if (i % 8 === 0) await bystander.leaderboard.get.query({ by: "script", range: "90d" });
      else await bystander.teams.current.query();
      quietLatencies.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 25));
    }

    // Measured while the dry run runs, for at most WINDOW_MS: on a crowded machine the import
    // (which yields the CPU to requests) can take minutes, and the window only needs it running.
    const WINDOW_MS = 20_000;
    const started = Date.now();
    let summary: Awaited<ReturnType<typeof importer.imports.run.mutate>> | null = null;
    let importFailure: unknown = null;
    void importer.imports.run
      .mutate({ kind: "attempts", csv, dryRun: true })
      .then((s) => (summary = s), (error) => (importFailure = error));
    const measuring = () => summary === null && importFailure === null && Date.now() - started < WINDOW_MS;
    // Batches of ten of the heaviest reads a rep may make, back to back.
    const heaviest = ["leaderboard.rep", "leaderboard.get"];
    const hammer = async () => {
      while (measuring()) {
        const procedures = Array.from({ length: MAX_BATCH_CALLS }, (_, i) => heaviest[i % 2]);
        const inputs = procedures.map((p) => (p === "leaderboard.rep" ? { range: "custom", from: "2023-01-01", to: "2025-12-31" } : { by: "attempt-number", range: "all" }));
        const response = await get(busy.emails[1], procedures, inputs);
        // 207: some calls of the batch answered, the rest refused.
        if (response.status === 429 || response.status === 207) refused++;
        else if (response.status !== 200) failures.push(`hammer: ${response.status}`);
        await response.arrayBuffer();
      }
    };
    // The bystander reads the board at a person's pace, inside the budget this server runs with
    // (counted in calls, a fast engine would make it a hammer too), and its team otherwise.
    const BOARD_EVERY_MS = 1000 / STATS_READS_PER_SECOND;
    let boardAt = 0;
    const watch = async () => {
      while (measuring()) {
        const t = performance.now();
        try {
          if (t - boardAt >= BOARD_EVERY_MS) {
            boardAt = t;
            await bystander.leaderboard.get.query({ by: "script", range: "90d" });
          } else await bystander.teams.current.query();
          latencies.push(performance.now() - t);
        } catch (error) {
          failures.push(`bystander: ${error}`);
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    await Promise.all([hammer(), hammer(), watch()]);
    const seconds = (Date.now() - started) / 1000;
    const p95 = percentile(latencies, 95);
    console.log(`bystander on a quiet server: p50 ${percentile(quietLatencies, 50).toFixed(1)} ms, p95 ${percentile(quietLatencies, 95).toFixed(1)} ms`);
    console.log(
      `${summary ? `dry run of 50,000 rows done in ${seconds.toFixed(1)} s` : `dry run still running after ${seconds.toFixed(1)} s`}; bystander ${latencies.length} calls, p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...latencies).toFixed(0)} ms; hammer refused ${refused} times`,
    );

    expect(importFailure).toBeNull();
    if (summary) expect(summary).toMatchObject({ rows: 50_000, errorCount: 0, written: false });
    expect(failures).toEqual([]);
    expect(refused).toBeGreaterThan(0);
    expect(latencies.length).toBeGreaterThan(20);
    expect(p95).toBeLessThan(300);
  });
});

describe("faults nobody caught", () => {
  it("logs an unhandled rejection, ends the server, and the launcher starts a clean one", async () => {
    await stopServer(server);
    const { spawn } = await import("node:child_process");
    const fault = path.join(dir, "fault.cjs");
    const marker = path.join(dir, "fault-fired");
    // Preloaded into the server only: once, shortly after it listens, a promise nobody awaits fails.
    fs.writeFileSync(
      fault,
      `if (process.argv[1] && process.argv[1].endsWith("ringback-server.cjs") && !require("fs").existsSync(${JSON.stringify(marker)})) {
        const http = require("http");
        const listen = http.Server.prototype.listen;
        http.Server.prototype.listen = function (...args) {
          this.once("listening", () => setTimeout(() => { require("fs").writeFileSync(${JSON.stringify(marker)}, ""); Promise.reject(new Error("trust-suite fault")); }, 300));
          return listen.apply(this, args);
        };
      }`,
    );
    const launcher = spawn(process.execPath, ["scripts/start.mjs"], {
      env: { ...process.env, PORT: String(port), DATABASE_URL: dbFile, BETTER_AUTH_URL: server.url, BETTER_AUTH_SECRET: "trust-suite-secret-0123456789-abcdefghijklmnop", NODE_OPTIONS: `--require ${fault}` },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    launcher.stdout!.on("data", (d) => (log += d));
    launcher.stderr!.on("data", (d) => (log += d));
    try {
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline && (log.match(/Ringback is serving/g) ?? []).length < 2) await new Promise((r) => setTimeout(r, 200));
      expect(log).toContain("trust-suite fault");
      expect(log).toMatch(/unhandled promise rejection, stopping/);
      expect(log).toMatch(/starting it again/);
      expect((log.match(/Ringback is serving/g) ?? []).length).toBe(2);
      const client = await signedInClient(server.url, quiet.ownerEmail);
      expect((await client.teams.current.query()).name).toBe("Quiet Co");
    } finally {
      const exited = new Promise((r) => launcher.once("exit", r));
      launcher.kill("SIGTERM");
      await exited;
    }
  });
});
