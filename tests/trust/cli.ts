import { spawn } from "node:child_process";
import path from "node:path";

export type CliResult = { code: number | null; stdout: string; stderr: string };

/**
 * Runs the real `ringback` command line on `dbFile`, as a separate process and without blocking
 * the event loop, so load driven from this process keeps flowing while the command runs.
 */
export function ringback(dbFile: string, args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.resolve("node_modules/.bin/tsx"), ["server/cli.ts", ...args], {
      env: { ...process.env, DATABASE_URL: dbFile },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** A CLI command that must succeed; its stdout, or the reason it failed. */
export async function ringbackOk(dbFile: string, args: string[]): Promise<string> {
  const result = await ringback(dbFile, args);
  if (result.code !== 0) throw new Error(`ringback ${args.join(" ")} exited ${result.code}: ${result.stderr}`);
  return result.stdout;
}
