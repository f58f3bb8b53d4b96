// `npm run bench [-- --engine sqlite|postgres|sqlite,postgres] [--size 100k|1M|10M] [--quick] [--only leaderboard|log] [--port 3251]`
//
// Builds (or reuses) a generated team database of the given size, starts the production server
// on a copy of it, signs in over HTTP and measures what issues 6 and 15 ask for; prints a table and
// writes bench/results/latest.json plus a dated copy. See bench/README.md for what each figure means.
// `--engine postgres` copies the same generated database into a throwaway PostgreSQL cluster
// (bench/copy-to-postgres.ts) and measures the same figures against it; several engines are
// measured one after the other in the same run.

import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { BENCH_OWNER, BENCH_PASSWORD, BENCH_TIMEZONE, generateDatabase, parseSize } from "./generate-db";
import { importSeconds } from "./import-timing";
import { measure, median, type Round } from "./load";
import { serviceBoardMs } from "./in-process";
import { copySqliteToPostgres } from "./copy-to-postgres";
import { naiveGroupByMs, naiveGroupByMsPostgres } from "./naive";
import { firstLoadJs, lighthouse } from "./page";
import { pageSettledMs, type PageTimes } from "./page-timing";
import { peakRssMb, signIn, startServer, stopServer, type BenchServer } from "./server";
import { isBuilt } from "@/scripts/run.mjs";
import { startThrowawayPostgres, type ThrowawayPostgres } from "@/scripts/throwaway-postgres.mjs";

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
  /** The same logging load split between two server processes on the same database. */
  log_rps_2_workers: number | null;
  log_p99_ms_2_workers: number | null;
  log_errors_2_workers: number | null;
  bare_rps: number | null;
  log_vs_bare: number | null;
  server_rss_mb: number | null;
  lighthouse_perf: number | null;
  lcp_ms: number | null;
  tbt_ms: number | null;
  first_load_js_kb_gz: number | null;
  import_100k_s: number | null;
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
 */
function backgroundWrites(url: string, headers: Record<string, string>, facts: ReturnType<typeof benchFacts>, perSecond = 60) {
  const nextDial = logBodies(facts);
  let sent = 0;
  let ok = 0;
  let failed = 0;
  const started = performance.now();
  const timer = setInterval(() => {
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
      .catch(() => failed++);
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
  emptyDatabase?: () => string;
  /** What the database's sessions are doing (PostgreSQL's pg_stat_activity), for a hung measurement. */
  sessions: () => Promise<string>;
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

/** The generated SQLite file copied once into the cluster; each use clones it as a template. */
async function postgresTarget(cluster: ThrowawayPostgres, base: string): Promise<Target> {
  const template = cluster.createDatabase(`bench_${sizeLabel}`);
  say(`copying ${path.relative(".", base)} into PostgreSQL`);
  const copied = await copySqliteToPostgres(base, template, say);
  say(`copied ${copied.rows.toLocaleString("en-US")} rows in ${copied.seconds.toFixed(1)} s`);
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
    app,
    bareCopy: () => clone("bare"),
    naive: (teamId, rounds) => naiveGroupByMsPostgres(app, teamId, BENCH_TIMEZONE, rounds),
    emptyDatabase: () => cluster.createDatabase("bench_import"),
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

/** The logging load (16 connections) against every server given, each with its own origin. */
async function logRounds(servers: BenchServer[], cookie: string, facts: ReturnType<typeof benchFacts>) {
  const targets = servers.map((s) => ({ url: s.url, headers: { cookie, origin: s.url, "content-type": "application/json" } }));
  return summarise(
    await measure({ url: targets[0].url, targets, headers: targets[0].headers, connections: 16, seconds: plan.logSeconds, method: "POST", next: logBodies(facts) }, plan.warm, 3),
  );
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
    lighthouse_perf: null,
    lcp_ms: null,
    tbt_ms: null,
    first_load_js_kb_gz: null,
    import_100k_s: null,
    service_p95_ms: null,
    service_speedup: null,
    writes_during_leaderboard_per_s: null,
    page_settled_ms: null,
    failures: [],
  };
  // A failing measurement (a query one engine rejects, say) costs its own figures, not the run's;
  // one that hangs is given up after `limitS`, with what the database's sessions were waiting on.
  const section = async (name: string, work: () => Promise<void>, limitS = quick ? 180 : 300) => {
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        void target
          .sessions()
          .catch((error) => `(sessions unreadable: ${error})`)
          .then((sessions) => reject(new Error(`no result within ${limitS} s${sessions ? `; database sessions: ${sessions}` : ""}`)));
      }, limitS * 1000);
    });
    try {
      await Promise.race([work(), hung]);
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

  const server = await startServer(target.app, port);
  try {
    const cookie = await signIn(server.url, BENCH_OWNER, BENCH_PASSWORD);
    const headers = { cookie, origin: server.url };
    const boardPath = (by: string) => `/api/trpc/leaderboard.get?input=${encodeURIComponent(JSON.stringify({ json: { by, range: "90d" } }))}`;
    if (naive) await section("leaderboard", async () => {
      const check = await fetch(server.url + boardPath("script"), { headers });
      if (!check.ok) throw new Error(`leaderboard answered ${check.status}: ${(await check.text()).slice(0, 2000)}`);
      const rowCount = (await check.json()).result.data.json.rows.length;
      say(`leaderboard by script: ${rowCount} rows`);

      let n = 0;
      const stopWrites = backgroundWrites(server.url, headers, facts);
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
      const log = await logRounds([server], cookie, facts);
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
    if (logging) await section("log with 2 workers", async () => {
      // Two workers: until `npm start -- --workers N` is there, a second server process on the
      // next free port of the bench, on the same database, takes half of the connections.
      const second = await startServer(target.app, port + 2);
      try {
        const log = await logRounds([server, second], cookie, facts);
        results.log_rps_2_workers = Math.round(log.rps);
        results.log_p99_ms_2_workers = round1(log.p99);
        results.log_errors_2_workers = log.errors;
        say(`log, 2 workers (two server processes, 8 connections each): ${log.rps.toFixed(0)}/s, p99 ${log.p99.toFixed(1)} ms, ${log.errors} errors`);
      } finally {
        await stopServer(second);
      }
    });
  } finally {
    await stopServer(server);
  }

  if (logging) await section("bare floor", async () => {
    const bare = await bareFloor(target, facts);
    results.bare_rps = Math.round(bare.rps);
    results.log_vs_bare = results.log_rps === null ? null : round2(results.log_rps / bare.rps);
    say(`bare floor: ${bare.rps.toFixed(0)}/s, p99 ${bare.p99.toFixed(1)} ms`);
  });
  if (full) await section("import", async () => {
    results.import_100k_s = round1(await importSeconds(100_000, target.emptyDatabase));
  });

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
  console.table(figures.map((figure) => ({ figure, ...Object.fromEntries(all.map((r) => [r.engine, r[figure]])) })));
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
