import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { makeTeam } from "@/tests/support/fixtures";
import { experimentsCsv } from "./experiments-csv";

// `ringback export experiments --team SLUG [-o FILE]` (issue 16's contract for tools).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-experiments-"));
const file = path.join(dir, "experiments.db");
const db = await openDatabase(file);
afterAll(async () => {
  await db.$close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("export experiments", () => {
  it("writes one row per arm with exactly the contract's columns, the same as the service", async () => {
    const team = await makeTeam(db, "Export Calling");
    const rep = await team.join("rep", "Rhea Rep");
    const a = await team.owner.caller.scripts.create({ title: "Plain, opener", stage: "first-touch", body: "Hi." });
    const b = await team.owner.caller.scripts.create({ title: "Bold opener", stage: "first-touch", body: "Hello!" });
    await team.owner.caller.experiments.start({ name: "Openers", scriptIds: [a.id, b.id], fromVoicemail: 1, toVoicemail: 1 });
    for (let i = 0; i < 6; i++) {
      const context = await rep.caller.prospects.dialContext({ name: `P ${i}` });
      const logged = await rep.caller.attempts.log({ prospect: { name: `P ${i}`, phone: String(2123000000 + i) }, outcome: "voicemail", scriptId: context.experiment!.scriptId });
      if (i < 2) await rep.caller.callbacks.log({ prospect: { id: logged.prospectId }, result: "interested" });
    }
    const out = path.join(dir, "experiments.csv");
    await promisify(execFile)(path.join(process.cwd(), "node_modules/.bin/tsx"), ["server/cli.ts", "export", "experiments", "--team", team.slug, "-o", out], {
      env: { ...process.env, DATABASE_URL: file },
    });
    const written = fs.readFileSync(out, "utf8");
    const owner = { userId: team.owner.user.id, teamId: team.id, role: "owner" as const };
    expect(written).toBe(await experimentsCsv(db, owner));
    const lines = written.split("\r\n");
    // Every field is quoted (spreadsheet-safe in every locale, server/domain/csv.ts).
    expect(lines[0]).toBe('"experiment","status","arm","script","assigned","voicemails","returned","rate","ci_low","ci_high","always_valid_p","verdict"');
    expect(lines.slice(1, 3).map((l) => l.split(",").slice(0, 3))).toEqual([
      ['"Openers"', '"running"', '"A"'],
      ['"Openers"', '"running"', '"B"'],
    ]);
    // Rates are fractions with 4 decimals.
    expect(lines[1]).toMatch(/^"Openers","running","A","Plain, opener","3","3","\d","0\.\d{4}","0\.\d{4}","0\.\d{4}","[\d.e-]+","Keep going: about [\d,]+ more voicemails per arm"$/);
    expect(lines).toHaveLength(4);
  }, 60_000);
});
