import fs from "node:fs";
import path from "node:path";
import { startProductionServer, stopProductionServer, type ProductionServer } from "@/tests/support/production-server";

// The production server under test (tests/support/production-server.ts), with the bench's secret
// and an optional CPU profile; peak memory is read from its pid and its children's.

export type BenchServer = ProductionServer;

export const BENCH_SECRET = "bench-secret-0123456789-abcdefghijklmnopqrstuv";

/**
 * `workers`: the server processes on the one port, as `npm start -- --workers N` asks for them
 * (RINGBACK_WORKERS, server/server-processes.ts): with 2 the process started is the primary and
 * the two workers are its children.
 */
export function startServer(dbFile: string, port: number, { workers = 1 }: { workers?: number } = {}): Promise<BenchServer> {
  // BENCH_CPU_PROF=DIR writes a V8 CPU profile of the server there when it stops (`node --cpu-prof`).
  const nodeArgs = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  // One user measures the leaderboard back to back: far past a person's budget of stats reads.
  return startProductionServer(dbFile, port, { secret: BENCH_SECRET, nodeArgs, env: { RINGBACK_STATS_READS_PER_SECOND: "1000000", RINGBACK_WORKERS: String(workers) } });
}

export const stopServer = (server: BenchServer) => stopProductionServer(server);

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

/**
 * Peak resident memory (VmHWM, which the kernel keeps) of a process and its descendants, summed,
 * in MB: a cluster's primary and workers each hold their own heap. The sum overstates a little
 * what they share (the code pages of node itself).
 */
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
      if (match) peak = (peak ?? 0) + Number(match[1]) / 1024;
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return peak;
}
