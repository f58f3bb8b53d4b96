import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { member } from "@/db/schema";
import { makeTeam } from "@/tests/support/fixtures";

// `ringback import calls … --json` is a contract (History issue, "The command"): scripts read
// its keys. The real command runs on a database file the test prepared, with the per-source fixtures.
const run = promisify(execFile);
const FIXTURES = path.join(process.cwd(), "server/domain/call-sources/fixtures");
let dir: string;
let file: string;
let slug: string;
let maya: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-calls-"));
  file = path.join(dir, "calls.db");
  const db = await openDatabase(file);
  const team = await makeTeam(db, "Acme Calls");
  const joined = await team.join("rep", "Maya Lopez");
  await db.update(member).set({ phone: "+15165550100" }).where(eq(member.userId, joined.user.id)).run();
  slug = team.slug;
  maya = joined.user.email;
  await db.$close();
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function ringback(...args: string[]) {
  return run(path.join(process.cwd(), "node_modules/.bin/tsx"), ["server/cli.ts", ...args], { env: { ...process.env, DATABASE_URL: file } }).then(
    (done) => ({ code: 0, stdout: done.stdout, stderr: done.stderr }),
    (failed: { code: number; stdout: string; stderr: string }) => ({ code: failed.code, stdout: failed.stdout, stderr: failed.stderr }),
  );
}

const KEYS = ["source", "dryRun", "rows", "dials", "callbacks", "alreadyImported", "skipped", "errors", "reps", "unresolvedReps", "created"];

// The tests run in order on one database: the HubSpot import meets what the Close import wrote.
describe("ringback import calls --json", () => {
  it("prints one JSON object in the contract's shape for a dry run, a real run and a repeat", async () => {
    const close = path.join(FIXTURES, "close.csv");
    const dry = await ringback("import", "calls", close, "--team", slug, "--dry-run", "--json");
    expect(dry.code).toBe(0);
    const expected = {
      source: "close",
      dryRun: true,
      rows: 10,
      dials: { voicemail: 2, "no-message": 3, connected: 1, "bad-number": 1 },
      callbacks: 1,
      alreadyImported: 0,
      skipped: [
        { line: 9, reason: "the call failed (disposition error): error" },
        { line: 11, reason: "an inbound call from a number that is no prospect's" },
      ],
      errors: [],
      reps: { [maya]: 7 },
      unresolvedReps: [],
      created: { prospects: 6, scripts: 1 },
    };
    expect(dry.stdout.trim().split("\n")).toHaveLength(1);
    const parsed = JSON.parse(dry.stdout);
    expect(parsed).toEqual(expected);
    expect(Object.keys(parsed)).toEqual(KEYS);
    expect(Object.keys(parsed.dials)).toEqual(["voicemail", "no-message", "connected", "bad-number"]);

    const real = await ringback("import", "calls", close, "--team", slug, "--source", "close", "--json");
    expect(real.code).toBe(0);
    expect(JSON.parse(real.stdout)).toEqual({ ...expected, dryRun: false });

    const again = await ringback("import", "calls", close, "--team", slug, "--json");
    expect(JSON.parse(again.stdout)).toEqual({
      ...expected,
      dryRun: false,
      dials: { voicemail: 0, "no-message": 0, connected: 0, "bad-number": 0 },
      callbacks: 0,
      alreadyImported: 8,
      reps: {},
      created: { prospects: 0, scripts: 0 },
    });
  }, 60_000);

  it("exits non-zero with the JSON still printed when reps stay unresolved, and imports with --rep-map", async () => {
    const hubspot = path.join(FIXTURES, "hubspot.csv");
    const refused = await ringback("import", "calls", hubspot, "--team", slug, "--json");
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ source: "hubspot", dryRun: false, unresolvedReps: [{ identifier: "4102", rows: 2 }], errors: [] });
    expect(refused.stderr).toBe("ringback: calls: rejected, 1 unresolved rep in 6 rows; nothing was written\n");

    const map = path.join(dir, "reps.csv");
    fs.writeFileSync(map, `external,email\n4102,${maya}\n`);
    const mapped = await ringback("import", "calls", hubspot, "--team", slug, "--rep-map", map, "--json");
    expect(mapped.code).toBe(0);
    // Close brought in Dana, Jordan, Chris and Pat's contact before; HubSpot's numbers find the
    // first three, and its 14:00–14:10 dials are Close's own calls within 2 minutes; Dana's call
    // on 3 March is a callback Close did not list.
    expect(JSON.parse(mapped.stdout)).toMatchObject({ dials: { "bad-number": 1 }, alreadyImported: 3, callbacks: 1, created: { prospects: 1, scripts: 0 }, reps: { [maya]: 1 } });
  }, 60_000);

  it("prints the summary and each bad row for people without --json", async () => {
    const bad = path.join(dir, "bad.csv");
    fs.writeFileSync(bad, fs.readFileSync(path.join(FIXTURES, "twilio.csv"), "utf8").replace("outbound-api,+15165550100,(516) 555-0100,+15165418161", "sideways,+15165550100,(516) 555-0100,+15165418161"));
    const refused = await ringback("import", "calls", bad, "--team", slug);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      "line 3: direction “sideways” (column direction) is not one of inbound, outbound-api, outbound-dial\nringback: calls: rejected, 1 bad row in 5 rows; nothing was written\n",
    );
    const unknown = await ringback("import", "calls", bad, "--team", slug, "--source", "fax");
    expect(unknown).toMatchObject({ code: 1, stderr: "ringback: --source must be one of auto|ringback|hubspot|salesforce|close|pipedrive|aircall|twilio\n" });
  }, 60_000);
});
