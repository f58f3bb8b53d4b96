import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// The production server under test: `next start` on the existing build, started directly (not
// through npx) so that its pid is the server's own, for stopping it and reading its peak memory.

export type BenchServer = { url: string; child: ChildProcess; output: () => string };

export const BENCH_SECRET = "bench-secret-0123456789-abcdefghijklmnopqrstuv";

export async function startServer(dbFile: string, port: number): Promise<BenchServer> {
  const url = `http://localhost:${port}`;
  // BENCH_CPU_PROF=DIR writes a V8 CPU profile of the server there when it stops (`node --cpu-prof`).
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  const child = spawn(process.execPath, [...profile, path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(port)], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: dbFile,
      BETTER_AUTH_URL: url,
      BETTER_AUTH_SECRET: BENCH_SECRET,
      RINGBACK_SIGN_INS_PER_ADDRESS_PER_MINUTE: "1000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log}`);
    const ok = await fetch(`${url}/sign-in`).then((r) => r.ok).catch(() => false);
    if (ok) return { url, child, output: () => log };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`server did not start:\n${log}`);
}

export function stopServer(server: BenchServer): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return resolve();
    server.child.once("exit", () => resolve());
    server.child.kill("SIGTERM");
  });
}

/** Signs in over HTTP like the browser does and returns the session cookie header. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** Peak resident memory (VmHWM) of a process and its descendants, in MB; the kernel keeps the peak. */
export function peakRssMb(pid: number): number | null {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    try {
      const children = fs.readFileSync(`/proc/${pids[i]}/task/${pids[i]}/children`, "utf8").trim();
      if (children) pids.push(...children.split(/\s+/).map(Number));
    } catch {
      // Gone, or no children file: nothing more below it.
    }
  }
  let peak: number | null = null;
  for (const p of pids) {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      if (match) peak = Math.max(peak ?? 0, Number(match[1]) / 1024);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return peak;
}
