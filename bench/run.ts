// `npm run bench [-- --engine sqlite|postgres|both] [--size 100k|1M|10M] [--quick] [--only leaderboard|log] [--port 3251]`
//
// Builds (or reuses) a generated team database of the given size, starts the production server
// on a copy of it, signs in over HTTP and measures what issues 6 and 15 ask for; prints a table and
// writes bench/results/latest.json plus a dated copy. See bench/README.md for what each figure means.
// `--engine postgres` migrates the same generated database into a throwaway PostgreSQL cluster
// the way `ringback migrate --to` does (server/services/postgres-migration.ts: the copy, then its
// proof of identical exports) and measures the same figures against it; several engines are
// measured one after the other in the same run.

import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { BENCH_OWNER, BENCH_PASSWORD, BENCH_TIMEZONE, generateDatabase, parseSize } from "./generate-db";
import { importSeconds } from "./import-timing";
import { callImportSeconds } from "./call-import-timing";
import { measure, median, type Round } from "./load";
import { serviceBoardMs } from "./in-process";
import { naiveGroupByMs, naiveGroupByMsPostgres } from "./naive";
import { firstLoadJs, lighthouse } from "./page";
import { pageSettledMs, type PageTimes } from "./page-timing";
import { peakRssMb, signIn, startServer, stopServer, type BenchServer } from "./server";
import { isBuilt } from "@/scripts/run.mjs";
import { startThrowawayPostgres, type ThrowawayPostgres } from "@/scripts/throwaway-postgres.mjs";
import { migrateToPostgres } from "@/server/services/postgres-migration";

type Engine = "sqlite" | "postgres";

type Results = {
  engine: Engine;
  size: number;
  /** 1-minute load average when this engine's measurements started and ended (2.0: both cores busy). */
  load_start: number;
  load_end: number | null;
  leaderboard_p50_ms: number | null;
  leaderboard_p95_ms: number | null;
  naive_groupby_ms: number | null;
  leaderboard_speedup: number | null;
  log_rps: number | null;
  log_p99_ms: number | null;
  log_errors: number | null;
  /** The same logging load on the server started with `--workers 2`: one port, two processes. */
  log_rps_2_workers: number | null;
  log_p99_ms_2_workers: number | null;
  log_errors_2_workers: number | null;
  bare_rps: number | null;
  log_vs_bare: number | null;
  server_rss_mb: number | null;
  /** The `--workers 2` server's primary and its two workers, summed. */
  server_rss_mb_2_workers: number | null;
  lighthouse_perf: number | null;
  lcp_ms: number | null;
  tbt_ms: number | null;
  first_load_js_kb_gz: number | null;
  import_100k_s: number | null;
  /** PostgreSQL: wall time of `ringback migrate --to`'s service from the generated SQLite file, proof included. */
  migrate_1m_s: number | null;
  /** Whether that migration's exports (attempts, callbacks, scripts, leaderboards) were byte for byte the same on both engines. */
  migrate_identical: boolean | null;
  /** `import calls` per source (seconds), and the rows of each file (100k; --quick: 10k). */
  import_calls_100k_s: Record<string, number> | null;
  /** The leaderboard service called in the bench process (no HTTP), and the naive GROUP BY over it. */
  service_p95_ms: number | null;
  service_speedup: number | null;
  /** Dials and callbacks acknowledged per second while the leaderboard was measured. */
  writes_during_leaderboard_per_s: number | null;
  /** Each page's settle time on the demo data (bench/page-timing.ts), median of 5 visits. */
  page_settled_ms: PageTimes | null;
  /** Measurements that failed, with the error: the rest of the run goes on without their figures. */
  failures: string[];
};

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

const quick = process.argv.includes("--quick");
const only = option("--only");
const sizeLabel = option("--size") ?? (quick ? "100k" : "1M");
const engineOption = option("--engine") ?? "sqlite";
const engines = (engineOption === "both" ? "sqlite,postgres" : engineOption).split(",").map((e) => e.trim()) as Engine[];
for (const e of engines) if (e !== "sqlite" && e !== "postgres") throw new Error(`--engine takes sqlite, postgres, or both (sqlite,postgres), not ${e}`);
const size = parseSize(sizeLabel);
const port = Number(option("--port") ?? process.env.BENCH_PORT ?? 3251);
const plan = quick
  ? { warm: 2, rounds: 3, boardRequests: 60, logSeconds: 3, naiveRounds: 7, lighthouseRuns: 1 }
  : { warm: 5, rounds: 5, boardRequests: 200, logSeconds: 8, naiveRounds: 15, lighthouseRuns: 3 };
const round1 = (n: number | null) => (n === null || Number.isNaN(n) ? null : Math.round(n * 10) / 10);
const round2 = (n: number | null) => (n === null || Number.isNaN(n) ? null : Math.round(n * 100) / 100);
const say = (line: string) => console.error(line);

function ensureBuild() {
  if (isBuilt()) return;
  say("no production build: running `npm run build` first");
  const built = spawnSync(process.execPath, [path.resolve("scripts/build.mjs")], { stdio: "inherit" });
  if (built.status !== 0) throw new Error("the production build failed");
}

async function ensureDatabase(): Promise<{ base: string; file: string }> {
  fs.mkdirSync("bench/data", { recursive: true });
  const end = new Date().toISOString().slice(0, 10);
  // A database generated up to a few days ago still has a full 90-day window behind it, and a
  // 10M one takes minutes to build: the newest one of this size from the last 3 days is reused.
  const recent = fs
    .readdirSync("bench/data")
    .filter((name) => new RegExp(`^bench-${sizeLabel}-\\d{4}-\\d{2}-\\d{2}\\.db$`).test(name))
    .sort()
    .reverse()
    .find((name) => Date.parse(end) - Date.parse(name.slice(-13, -3)) <= 3 * 86_400_000);
  const file = path.resolve(`bench/data/${recent ?? `bench-${sizeLabel}-${end}.db`}`);
  if (!fs.existsSync(file)) {
    say(`generating ${sizeLabel} attempts into ${path.relative(".", file)}`);
    const g = await generateDatabase(file, { attempts: size, end, onProgress: say });
    say(`generated ${g.attempts.toLocaleString("en-US")} attempts, ${g.callbacks.toLocaleString("en-US")} callbacks in ${g.seconds.toFixed(1)} s`);
  }
  // Logging adds rows, so every run works on a fresh copy of the generated database.
  const copy = path.resolve(`bench/data/run-${sizeLabel}.db`);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(copy + suffix, { force: true });
  fs.copyFileSync(file, copy);
  return { base: file, file: copy };
}

function benchFacts(file: string) {
  const db = new Database(file, { readonly: true });
  const teamId = (db.prepare("select id from organization where slug like 'bench-sales%'").pluck().get() as string) ?? "";
  const ownerId = db.prepare("select id from user where email = ?").pluck().get(BENCH_OWNER) as string;
  // Prospects spread over the whole table, so concurrent dials rarely touch the same one.
  const prospects = db.prepare("select id from prospect where team_id = ? and id % 17 = 0 limit 20000").pluck().all(teamId) as number[];
  const scripts = db.prepare("select id from script where team_id = ? and archived = 0").pluck().all(teamId) as number[];
  db.close();
  return { teamId, ownerId, prospects, scripts };
}

const summarise = (rounds: Round[]) => ({
  rps: median(rounds.map((r) => r.rps)),
  p50: median(rounds.map((r) => r.p50)),
  p95: median(rounds.map((r) => r.p95)),
  p99: median(rounds.map((r) => r.p99)),
  errors: rounds.reduce((sum, r) => sum + r.errors, 0),
});

function logBodies(facts: ReturnType<typeof benchFacts>) {
  let i = 0;
  return () => {
    i++;
    const prospect = { id: facts.prospects[(i * 7919) % facts.prospects.length] };
    const voicemail = i % 5 < 3;
    const json = voicemail ? { prospect, outcome: "voicemail", scriptId: facts.scripts[i % facts.scripts.length] } : { prospect, outcome: "no-message" };
    return { path: "/api/trpc/attempts.log", body: JSON.stringify({ json }), prospect };
  };
}

/**
 * Writes arriving while the leaderboard is measured (the issue's condition for any read cache):
 * 60 a second over HTTP as the owner — dials, and every 20th a callback from a prospect just
 * dialled, which moves the cached time-to-callback of today. Returns a stop that reports the rate.
 * At most MAX_IN_FLIGHT are unanswered at a time: a server slower than the rate (every write
 * serialized, a loaded machine) otherwise gets an ever longer queue that starves the reads being
 * measured; the writes skipped then show as a rate under 60.
 */
const MAX_IN_FLIGHT = 16;
function backgroundWrites(url: string, headers: Record<string, string>, facts: ReturnType<typeof benchFacts>, perSecond = 60) {
  const nextDial = logBodies(facts);
  let sent = 0;
  let ok = 0;
  let failed = 0;
  let inFlight = 0;
  const started = performance.now();
  const timer = setInterval(() => {
    if (inFlight >= MAX_IN_FLIGHT) return;
    inFlight++;
    sent++;
    const dial = nextDial();
    const request =
      sent % 20 === 0
        ? { path: "/api/trpc/callbacks.log", body: JSON.stringify({ json: { prospect: dial.prospect, result: "interested" } }) }
        : dial;
    fetch(url + request.path, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: request.body })
      .then(async (r) => {
        await r.arrayBuffer();
        if (r.ok) ok++;
        else failed++;
      })
      .catch(() => failed++)
      .finally(() => inFlight--);
  }, 1000 / perSecond);
  return () => {
    clearInterval(timer);
    return { perSecond: ok / ((performance.now() - started) / 1000), failed };
  };
}

/**
 * Where one engine's measurements run: the app's database (a fresh copy of the generated one),
 * the bare floor's own copy (its rows skip attribution, and the app's copy must stay
 * `verify`-clean), the naive GROUP BY on the same data, and a fresh database for the import.
 */
type Target = {
  engine: Engine;
  app: string;
  bareCopy: () => Promise<string>;
  naive: (teamId: string, rounds: number) => Promise<{ ms: number; rows: number }>;
  emptyDatabase?: (name?: string) => string;
  /** What the database's sessions are doing (PostgreSQL's pg_stat_activity), for a hung measurement. */
  sessions: () => Promise<string>;
  /** How the database was made, when it was migrated: wall time, its proof, what the proof found wrong. */
  migration?: { seconds: number; identical: boolean; failures: string[] };
};

function sqliteTarget(base: string, file: string): Target {
  return {
    engine: "sqlite",
    app: file,
    bareCopy: async () => {
      const copy = path.resolve(`bench/data/run-${sizeLabel}-bare.db`);
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(copy + suffix, { force: true });
      fs.copyFileSync(base, copy);
      return copy;
    },
    naive: async (teamId, rounds) => naiveGroupByMs(file, teamId, BENCH_TIMEZONE, rounds),
    sessions: async () => "",
  };
}

/**
 * The generated SQLite file migrated once into the cluster by the service behind `ringback migrate
 * --to` (copy, then both databases verified and every export compared); each use clones it.
 */
async function postgresTarget(cluster: ThrowawayPostgres, base: string): Promise<Target> {
  const template = cluster.createDatabase(`bench_${sizeLabel}`);
  say(`migrating ${path.relative(".", base)} into PostgreSQL (ringback migrate --to)`);
  const started = performance.now();
  const { copied, copySeconds, proof } = await migrateToPostgres(base, template);
  const seconds = (performance.now() - started) / 1000;
  const rows = copied.reduce((sum, t) => sum + t.rows, 0);
  say(`migrated in ${seconds.toFixed(1)} s: ${rows.toLocaleString("en-US")} rows copied in ${copySeconds.toFixed(1)} s; ${proof.compared - proof.differing.length} of ${proof.compared} exports identical (${proof.bytes.toLocaleString("en-US")} bytes)`);
  const failures = [
    ...proof.differing.map((d) => `migrate: export differs between SQLite and PostgreSQL: ${d}`),
    ...(proof.sourceProblems + proof.targetProblems > 0 ? [`migrate: verify found ${proof.sourceProblems} problems in the SQLite file, ${proof.targetProblems} in the PostgreSQL copy`] : []),
    ...(proof.compared === 0 ? ["migrate: no export was compared (no team)"] : []),
  ];
  const migration = { seconds: round1(seconds)!, identical: proof.compared > 0 && proof.differing.length === 0, failures };
  const templateName = new URL(template).pathname.slice(1);
  let clones = 0;
  const clone = async (name: string) => {
    const database = `${templateName}_${name}_${++clones}`;
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    try {
      await admin.query(`create database "${database}" template "${templateName}"`);
    } finally {
      await admin.end();
    }
    const url = new URL(cluster.url);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const app = await clone("run");
  return {
    engine: "postgres",
    migration,
    app,
    bareCopy: () => clone("bare"),
    naive: (teamId, rounds) => naiveGroupByMsPostgres(app, teamId, BENCH_TIMEZONE, rounds),
    emptyDatabase: (name = "bench_import") => cluster.createDatabase(name),
    sessions: async () => {
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      try {
        const { rows } = await client.query(
          "select state, wait_event_type, wait_event, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) as query from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
          [new URL(app).pathname.slice(1)],
        );
        return JSON.stringify(rows);
      } finally {
        await client.end();
      }
    },
  };
}

async function bareFloor(target: Target, facts: ReturnType<typeof benchFacts>) {
  const location = await target.bareCopy();
  const child = spawn(process.execPath, [path.resolve("bench/bare-server.mjs"), location, String(port + 1), facts.teamId, facts.ownerId], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`bare server exited (${code})`)));
  });
  try {
    const next = logBodies(facts);
    const rounds = await measure(
      { url: `http://localhost:${port + 1}`, connections: 16, seconds: plan.logSeconds, method: "POST", headers: { "content-type": "application/json" }, next: () => ({ ...next(), path: "/" }) },
      plan.warm,
      plan.rounds > 3 ? 3 : plan.rounds,
    );
    return summarise(rounds);
  } finally {
    child.kill("SIGTERM");
  }
}

const loadAverage = () => Math.round(os.loadavg()[0] * 100) / 100;

/** The logging load: 16 connections to the one port, however many processes answer on it. */
async function logRounds(server: BenchServer, cookie: string, facts: ReturnType<typeof benchFacts>) {
  const headers = { cookie, origin: server.url, "content-type": "application/json" };
  return summarise(await measure({ url: server.url, headers, connections: 16, seconds: plan.logSeconds, method: "POST", next: logBodies(facts) }, plan.warm, 3));
}

async function benchEngine(target: Target, facts: ReturnType<typeof benchFacts>): Promise<Results> {
  const load = () => os.loadavg().map((n) => n.toFixed(2)).join(" ");
  say(`${target.engine}: bench ${sizeLabel}${quick ? " (quick)" : ""}${only ? ` (only ${only})` : ""}; load average ${load()}`);
  const results: Results = {
    engine: target.engine,
    size,
    load_start: loadAverage(),
    load_end: null,
    leaderboard_p50_ms: null,
    leaderboard_p95_ms: null,
    naive_groupby_ms: null,
    leaderboard_speedup: null,
    log_rps: null,
    log_p99_ms: null,
    log_errors: null,
    log_rps_2_workers: null,
    log_p99_ms_2_workers: null,
    log_errors_2_workers: null,
    bare_rps: null,
    log_vs_bare: null,
    server_rss_mb: null,
    server_rss_mb_2_workers: null,
    lighthouse_perf: null,
    lcp_ms: null,
    tbt_ms: null,
    first_load_js_kb_gz: null,
    import_100k_s: null,
    migrate_1m_s: target.migration?.seconds ?? null,
    migrate_identical: target.migration?.identical ?? null,
    import_calls_100k_s: null,
    service_p95_ms: null,
    service_speedup: null,
    writes_during_leaderboard_per_s: null,
    page_settled_ms: null,
    failures: [...(target.migration?.failures ?? [])],
  };
  // A failing measurement (a query one engine rejects, say) costs its own figures, not the run's;
  // one that hangs is given up after `limitS`, with what the database's sessions were waiting on.
  const section = async (name: string, work: (onGiveUp: (stop: () => void) => void) => Promise<void>, limitS = quick ? 180 : 300) => {
    let timer: NodeJS.Timeout | undefined;
    const stops: (() => void)[] = [];
    const hung = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        for (const stop of stops) stop();
        void target
          .sessions()
          .catch((error) => `(sessions unreadable: ${error})`)
          .then((sessions) => reject(new Error(`no result within ${limitS} s${sessions ? `; database sessions: ${sessions}` : ""}`)));
      }, limitS * 1000);
    });
    try {
      await Promise.race([work((stop) => stops.push(stop)), hung]);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      results.failures.push(`${name}: ${message.slice(0, 2000)}`);
      say(`${target.engine}: ${name} FAILED: ${message.slice(0, 2000)}`);
    } finally {
      clearTimeout(timer);
    }
  };
  // `--only log`: the logging figure and its bare floor alone, for working on the write path.
  const logOnly = only === "log";
  const full = only !== "leaderboard" && !logOnly;
  const logging = full || logOnly;

  const naive = logOnly ? null : await target.naive(facts.teamId, plan.naiveRounds);
  if (naive) {
    results.naive_groupby_ms = round1(naive.ms);
    say(`naive GROUP BY: ${naive.ms.toFixed(1)} ms (${naive.rows} groups)`);
  }

  const server = await startServer(target.app, port, { workers: 1 });
  let cookie = "";
  try {
    cookie = await signIn(server.url, BENCH_OWNER, BENCH_PASSWORD);
    const headers = { cookie, origin: server.url };
    const boardPath = (by: string) => `/api/trpc/leaderboard.get?input=${encodeURIComponent(JSON.stringify({ json: { by, range: "90d" } }))}`;
    if (naive) await section("leaderboard", async (onGiveUp) => {
      const check = await fetch(server.url + boardPath("script"), { headers });
      if (!check.ok) throw new Error(`leaderboard answered ${check.status}: ${(await check.text()).slice(0, 2000)}`);
      const rowCount = (await check.json()).result.data.json.rows.length;
      say(`leaderboard by script: ${rowCount} rows`);

      let n = 0;
      const stopWrites = backgroundWrites(server.url, headers, facts);
      // Given up on, the section must not leave its writes running into the next measurements.
      onGiveUp(stopWrites);
      const board = summarise(
        await measure({ url: server.url, connections: 1, seconds: plan.warm, amount: plan.boardRequests, headers, next: () => ({ path: boardPath(n++ % 2 ? "rep" : "script") }) }, plan.warm, plan.rounds),
      );
      const service = await serviceBoardMs(target.app, facts.teamId, facts.ownerId, plan.boardRequests);
      const writes = stopWrites();
      results.service_p95_ms = round2(service.p95);
      results.service_speedup = round2(naive.ms / service.p95);
      say(`leaderboard service in-process: p50 ${service.p50.toFixed(2)} ms, p95 ${service.p95.toFixed(2)} ms`);
      results.writes_during_leaderboard_per_s = round1(writes.perSecond);
      say(`meanwhile ${writes.perSecond.toFixed(1)} writes/s acknowledged (${writes.failed} failed)`);
      results.leaderboard_p50_ms = round1(board.p50);
      results.leaderboard_p95_ms = round1(board.p95);
      results.leaderboard_speedup = round2(naive.ms / board.p95);
      say(`leaderboard: p50 ${board.p50.toFixed(1)} ms, p95 ${board.p95.toFixed(1)} ms, ${board.errors} errors`);
    });

    if (logging) await section("log", async () => {
      const log = await logRounds(server, cookie, facts);
      results.log_rps = Math.round(log.rps);
      results.log_p99_ms = round1(log.p99);
      results.log_errors = log.errors;
      say(`log: ${log.rps.toFixed(0)}/s, p99 ${log.p99.toFixed(1)} ms, ${log.errors} errors`);
    });
    if (full) await section("lighthouse", async () => {
      const lh = [];
      for (let i = 0; i < plan.lighthouseRuns; i++) lh.push(await lighthouse(`${server.url}/leaderboard?range=90d`, cookie));
      results.lighthouse_perf = median(lh.map((r) => r.performance));
      results.lcp_ms = median(lh.map((r) => r.lcpMs));
      results.tbt_ms = median(lh.map((r) => r.tbtMs));
      say(`lighthouse: ${results.lighthouse_perf}, LCP ${results.lcp_ms} ms, TBT ${results.tbt_ms} ms`);
    });
    results.server_rss_mb = round1(peakRssMb(server.child.pid!));
  } finally {
    await stopServer(server);
  }

  // The same server started as `npm start -- --workers 2` on the same port and database: the
  // primary hands the 16 connections to its two workers. The session made above is valid on both.
  if (logging && cookie) await section("log with 2 workers", async () => {
    const workers = await startServer(target.app, port, { workers: 2 });
    try {
      const log = await logRounds(workers, cookie, facts);
      results.log_rps_2_workers = Math.round(log.rps);
      results.log_p99_ms_2_workers = round1(log.p99);
      results.log_errors_2_workers = log.errors;
      results.server_rss_mb_2_workers = round1(peakRssMb(workers.child.pid!));
      say(`log, --workers 2 (one port): ${log.rps.toFixed(0)}/s, p99 ${log.p99.toFixed(1)} ms, ${log.errors} errors`);
    } finally {
      await stopServer(workers);
    }
  });

  if (logging) await section("bare floor", async () => {
    const bare = await bareFloor(target, facts);
    results.bare_rps = Math.round(bare.rps);
    results.log_vs_bare = results.log_rps === null ? null : round2(results.log_rps / bare.rps);
    say(`bare floor: ${bare.rps.toFixed(0)}/s, p99 ${bare.p99.toFixed(1)} ms`);
  });
  if (full) await section("import", async () => {
    results.import_100k_s = round1(await importSeconds(100_000, target.emptyDatabase));
  });
  if (full) await section("import calls", async () => {
    results.import_calls_100k_s = await callImportSeconds(quick ? 10_000 : 100_000, target.emptyDatabase, say);
  }, quick ? 300 : 900);

  if (full && target.engine === "sqlite") await section("page timing", async () => void (results.page_settled_ms = await pageSettledMs(port + 3, { visits: quick ? 3 : 5 })), 900);

  const routes = firstLoadJs();
  for (const [route, kb] of routes) say(`first-load JS ${route}: ${kb.toFixed(1)} KB gzip`);
  const board = [...routes].find(([route]) => /\/leaderboard$/.test(route));
  results.first_load_js_kb_gz = board ? round1(board[1]) : null;

  results.load_end = loadAverage();
  say(`${target.engine}: load average at the end ${load()}`);
  return results;
}

async function main() {
  ensureBuild();
  const { base, file } = await ensureDatabase();
  const facts = benchFacts(file);
  const all: Results[] = [];
  let cluster: ThrowawayPostgres | null = null;
  try {
    for (const engine of engines) {
      if (engine === "postgres") cluster ??= await startThrowawayPostgres();
      const target = engine === "postgres" ? await postgresTarget(cluster!, base) : sqliteTarget(base, file);
      all.push(await benchEngine(target, facts));
    }
  } finally {
    cluster?.stop();
  }

  const figures = (Object.keys(all[0]) as (keyof Results)[]).filter((figure) => figure !== "failures");
  const shown = (value: unknown) => (value !== null && typeof value === "object" ? JSON.stringify(value) : value);
  console.table(figures.map((figure) => ({ figure, ...Object.fromEntries(all.map((r) => [r.engine, shown(r[figure])])) })));
  for (const r of all) for (const failure of r.failures) say(`${r.engine} failed: ${failure}`);
  fs.mkdirSync("bench/results", { recursive: true });
  // One engine: its figures, as before; several: one object per engine.
  const text = `${JSON.stringify(all.length === 1 ? all[0] : Object.fromEntries(all.map((r) => [r.engine, r])), null, 2)}\n`;
  fs.writeFileSync("bench/results/latest.json", text);
  fs.writeFileSync(`bench/results/${new Date().toISOString().replace(/[:.]/g, "-")}-${sizeLabel}${engines.length === 1 && engines[0] === "sqlite" ? "" : `-${engines.join("-")}`}.json`, text);
  // A measurement given up on may still hold sockets open.
  process.exit(0);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
