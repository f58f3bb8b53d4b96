import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

// A real production server (`next start` from the existing build) on its own port and
// database, started directly so that its pid is the server's and SIGKILL really kills it.

export type RunningServer = { url: string; child: ChildProcess; output: () => string };

export async function startServer(dbFile: string, port: number): Promise<RunningServer> {
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(port)], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: dbFile,
      BETTER_AUTH_URL: url,
      BETTER_AUTH_SECRET: "trust-suite-secret-0123456789-abcdefghijklmnop",
      RINGBACK_SIGN_INS_PER_ADDRESS_PER_MINUTE: "1000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log}`);
    const ok = await fetch(`${url}/sign-in`).then((r) => r.ok).catch(() => false);
    if (ok) return { url, child, output: () => log };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`server did not start:\n${log}`);
}

export function stopServer(server: RunningServer, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return resolve();
    server.child.once("exit", () => resolve());
    server.child.kill(signal);
  });
}

/** The port a trust test listens on: `TRUST_PORT` when set (so parallel clones never collide), else its own default. */
export function trustPort(fallback: number): number {
  const chosen = Number(process.env.TRUST_PORT);
  return Number.isInteger(chosen) && chosen > 0 ? chosen : fallback;
}
