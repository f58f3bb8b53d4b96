// Small process helpers shared by the npm entry points (demo, test).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

export const bin = (name) => `node_modules/.bin/${name}`;

/** The production server (server/serve.ts), bundled by scripts/build.mjs next to Next's build. */
export const SERVER_BUNDLE = ".next/ringback-server.cjs";

/**
 * Node's arguments for the production server on the existing build. V8 otherwise lets the heap
 * grow lazily toward its multi-gigabyte limit: ten seconds of leaderboard reads left 416 MB resident.
 * Growing it by 20% per major collection kept it at 230 MB at the same throughput, with no hard
 * cap — a 50 MB CSV import still gets the memory it needs (bench/README.md).
 */
export const SERVER_ARGS = ["--heap-growing-percent=20", SERVER_BUNDLE];

/** Whether both halves of the production build are there. */
export const isBuilt = () => existsSync(".next/BUILD_ID") && existsSync(SERVER_BUNDLE);

/** Serves the production build on `port` until the server exits; resolves with its exit code. */
export const serve = (port) => run(process.execPath, SERVER_ARGS, { env: { ...process.env, NODE_ENV: "production", PORT: String(port) } });

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
