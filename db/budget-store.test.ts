import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// Server workers open their budgets' file at the same moment. CI once answered a sign-in with
// 500: several processes turned one new file to WAL at once, and SQLite refused one of them with
// SQLITE_BUSY at once, busy timeout or not (about one race in four of six processes here).
// Here six processes open the same new file at the same instant, twenty files in a row.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-open-race-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const PROCESSES = 6;
const FILES = 20;
const GAP_MS = 60;

/** One process: opens each file at its agreed instant and spends from it; prints what failed. */
const opener = (files: string[], start: number) => `(async () => {
  const { openBudgetStore } = require("./db/budget-store");
  const files = ${JSON.stringify(files)};
  const failures = [];
  for (let i = 0; i < files.length; i++) {
    while (Date.now() < ${start} + i * ${GAP_MS}) {}
    try {
      const store = openBudgetStore(files[i]);
      await store.count({ key: "k", max: 100, windowMs: 60000, now: Date.now() });
      await store.close();
    } catch (error) {
      failures.push(i + ": " + error.code + " " + error.message);
    }
  }
  process.stdout.write(JSON.stringify(failures));
})();`;

function run(code: string): Promise<string[]> {
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  const child = spawn(tsx, ["--eval", code], { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  return new Promise((resolve, reject) => child.once("exit", (c) => (c === 0 ? resolve(JSON.parse(out)) : reject(new Error(`opener exited ${c}`)))));
}

describe("server processes opening one new budgets file at once", () => {
  it("all get it, none refused with SQLITE_BUSY", async () => {
    const files = Array.from({ length: FILES }, (_, i) => path.join(dir, `race-${i}.db.budgets`));
    // Far enough ahead for every process to have started and loaded the store.
    const start = Date.now() + 6_000;
    const failures = (await Promise.all(Array.from({ length: PROCESSES }, () => run(opener(files, start))))).flat();
    expect(failures).toEqual([]);
  }, 60_000);
});
