import { spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { peakRssMb } from "./server";

// `--workers 2` is a primary with two worker processes: the server's memory is all of theirs.
// A parent whose child holds 150 MB must be counted with the child's 150 MB.

const HOLD = "const b = Buffer.alloc(150 * 1024 * 1024, 1); process.stdout.write('ready'); setInterval(() => b[0]++, 1000);";
const parent = spawn(
  process.execPath,
  ["-e", `const c = require("node:child_process").spawn(process.execPath, ["-e", ${JSON.stringify(HOLD)}], { stdio: ["ignore", "pipe", "inherit"] }); c.stdout.once("data", () => process.stdout.write(String(c.pid))); process.on("SIGTERM", () => { c.kill(); process.exit(0); });`],
  { stdio: ["ignore", "pipe", "inherit"] },
);
const childPid = new Promise<number>((resolve) => parent.stdout!.once("data", (d) => resolve(Number(String(d)))));
afterAll(() => parent.kill("SIGTERM"));

describe("the server's peak memory", () => {
  it("adds the children's peaks to the process's own", async () => {
    const child = peakRssMb(await childPid)!;
    expect(child).toBeGreaterThan(150);
    // The parent is a node process of its own (tens of MB): a maximum would give the child's figure.
    expect(peakRssMb(parent.pid!)!).toBeGreaterThan(child + 20);
  });
});
