import cluster, { type Worker } from "node:cluster";

// `npm start -- --workers N` (RINGBACK_WORKERS=N): N server processes on one port through
// node:cluster. The primary listens on nothing itself; each worker runs the whole server
// (serve.ts) and the primary hands it connections in turn. Nothing a user relies on lives in one
// process's memory (sessions, the sign-in brake and the request budgets are in the database or
// its budget file), so any process can answer any request.

export const WORKERS_ENV = "RINGBACK_WORKERS";
const MAX_WORKERS = 64;

/** Server processes asked for: RINGBACK_WORKERS, 1 when unset; anything but 1…64 stops the start. */
export function workerCount(value: string | undefined = process.env[WORKERS_ENV]): number {
  if (value === undefined || value.trim() === "") return 1;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > MAX_WORKERS) {
    throw new Error(`${WORKERS_ENV} (or --workers) must be a whole number from 1 to ${MAX_WORKERS}, not "${value}".`);
  }
  return count;
}

/** A worker dying this often a minute (per worker asked for) is a broken build, not bad luck. */
const FAILURES_PER_MINUTE = 5;
const STOP_GRACE_MS = 10_000;

/**
 * The primary: `prepare` (open and migrate the database once, so N processes never race to
 * migrate one SQLite file), then fork `count` workers running this same script and replace any
 * that dies. SIGTERM or SIGINT asks every worker to stop (SIGTERM), and the primary ends when they have.
 */
export async function superviseWorkers(count: number, prepare: () => Promise<void>) {
  await prepare();
  let stopping = false;
  let exitCode = 0;
  const failures: number[] = [];

  const alive = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());
  const start = () => {
    const worker = cluster.fork();
    worker.once("online", () => console.log(`Ringback: server process ${worker.process.pid} started`));
    return worker;
  };

  cluster.on("exit", (worker: Worker, code: number | null, signal: string | null) => {
    if (stopping) {
      if (alive().length === 0) process.exit(exitCode);
      return;
    }
    const now = Date.now();
    failures.push(now);
    while (failures[0] < now - 60_000) failures.shift();
    if (failures.length > FAILURES_PER_MINUTE * count) {
      console.error(`✗ Server processes failed ${failures.length} times within a minute; stopping them all.`);
      stop(1);
      return;
    }
    console.error(`✗ Server process ${worker.process.pid} ended (${signal ?? `exit code ${code}`}); starting another.`);
    setTimeout(() => !stopping && start(), 200);
  });

  const stop = (code = 0) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    const running = alive();
    if (running.length === 0) process.exit(exitCode);
    for (const worker of running) worker.process.kill("SIGTERM");
    setTimeout(() => {
      for (const worker of alive()) worker.process.kill("SIGKILL");
      process.exit(exitCode);
    }, STOP_GRACE_MS).unref();
  };
  // Workers are always asked with SIGTERM; a second signal (Ctrl-C reaches the whole group) changes nothing.
  process.on("SIGTERM", () => stop());
  process.on("SIGINT", () => stop());

  for (let i = 0; i < count; i++) start();
  console.log(`Ringback: ${count} server processes on port ${process.env.PORT || 3000}`);
}
