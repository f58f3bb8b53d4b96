// Small process helpers shared by the npm entry points (demo, test).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

export const bin = (name) => `node_modules/.bin/${name}`;

/** The production server (server/serve.ts), bundled by scripts/build.mjs next to Next's build. */
export const SERVER_BUNDLE = ".next/ringback-server.cjs";

/** The import worker's bundle; server/services/import-queue.ts names the same file. */
export const IMPORT_WORKER_BUNDLE = ".next/ringback-import-worker.cjs";

/**
 * Node's arguments for the production server on the existing build. V8 otherwise lets the heap
 * grow lazily toward its multi-gigabyte limit: ten seconds of leaderboard reads left 416 MB resident.
 * Growing it by 20% per major collection kept it at 230 MB at the same throughput, with no hard
 * cap — a 50 MB CSV import still gets the memory it needs (bench/README.md).
 */
export const SERVER_ARGS = ["--heap-growing-percent=20", SERVER_BUNDLE];

/** Whether both halves of the production build are there. */
export const isBuilt = () => existsSync(".next/BUILD_ID") && existsSync(SERVER_BUNDLE) && existsSync(IMPORT_WORKER_BUNDLE);

const RESTARTS_PER_MINUTE = 5;

/**
 * Serves the production build on `port`. A server that ends on its own with a failure (it stops
 * itself on an uncaught fault rather than run on in an unknown state) is started again, unless it
 * fails more than RESTARTS_PER_MINUTE times a minute; a stop asked with SIGTERM or SIGINT is
 * passed on and ends the launcher. Resolves with the server's last exit code.
 */
export async function serve(port) {
  let stopping = false;
  let child = null;
  const stop = (signal) => {
    stopping = true;
    child?.kill(signal);
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  const restarts = [];
  for (;;) {
    const code = await new Promise((resolve) => {
      child = spawn(process.execPath, SERVER_ARGS, { stdio: "inherit", env: { ...process.env, NODE_ENV: "production", PORT: String(port) } });
      child.on("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
      child.on("error", (error) => {
        console.error(`server: ${error.message}`);
        resolve(1);
      });
    });
    if (stopping || code === 0) return code;
    const now = Date.now();
    restarts.push(now);
    while (restarts[0] < now - 60_000) restarts.shift();
    if (restarts.length > RESTARTS_PER_MINUTE) {
      console.error(`✗ The server failed ${restarts.length} times within a minute; not restarting it again.`);
      return code;
    }
    console.error(`✗ The server stopped with exit code ${code}; starting it again.`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Runs a command with inherited output; resolves with its exit code. */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", (error) => {
      console.error(`${command}: ${error.message}`);
      resolve(1);
    });
  });
}

export async function mustRun(label, command, args, options) {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const code = await run(command, args, options);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (code !== 0) {
    console.error(`✗ ${label} failed (exit ${code}) after ${seconds} s`);
    process.exit(code);
  }
  console.log(`✓ ${label} (${seconds} s)`);
  return Number(seconds);
}
