import { spawn, type ChildProcess } from "node:child_process";
import { SERVER_ARGS } from "@/scripts/run.mjs";

// The production server (server/serve.ts on the existing build) on its own port and database,
// started directly rather than through npx so its pid is the server's own: SIGKILL really kills
// it and its peak memory can be read. Shared by the trust suite and the benchmark.

export type ProductionServer = { url: string; child: ChildProcess; output: () => string };

type Options = { secret: string; nodeArgs?: string[]; timeoutMs?: number; env?: Record<string, string> };

export async function startProductionServer(dbFile: string, port: number, { secret, nodeArgs = [], timeoutMs = 90_000, env = {} }: Options): Promise<ProductionServer> {
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, [...nodeArgs, ...SERVER_ARGS], {
    env: {
      ...process.env,
      PORT: String(port),
      NODE_ENV: "production",
      DATABASE_URL: dbFile,
      BETTER_AUTH_URL: url,
      BETTER_AUTH_SECRET: secret,
      RINGBACK_SIGN_INS_PER_ADDRESS_PER_MINUTE: "1000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log}`);
    const ok = await fetch(`${url}/sign-in`).then((r) => r.ok).catch(() => false);
    if (ok) return { url, child, output: () => log };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`server did not start:\n${log}`);
}

export function stopProductionServer(server: ProductionServer, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return resolve();
    server.child.once("exit", () => resolve());
    server.child.kill(signal);
  });
}
