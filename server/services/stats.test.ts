import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { leaderboardCsv } from "@/server/services/leaderboard-csv";
import { repStats } from "@/server/services/stats";
import { makeTeam, type TeamMember, type TestTeam, codeOf } from "@/tests/support/fixtures";

// A fixture team whose every number is worked out by hand below (DESIGN.md, "Metric
// definitions"). It lives in a temporary database file so the CLI can read the same data as a
// child process. Times are written as New York wall-clock times (the team's zone; EST, UTC−5, in
// the week of 2025-03-03).
//
// Voicemails (vm#n = the prospect's n-th voicemail):
//   P1  Ann  Alpha  Mon 10:00  vm#1  callback Mon 11:00 appointment          → returned, 60 min, appointment
//   P2  Ann  Alpha  Mon 10:15  vm#1  —
//   P3  Ann  Alpha  Tue 09:00  vm#1  callback Tue 11:00 interested           → returned, 120 min
//   P4  Ben  Alpha  Tue 09:30  vm#1  —
//   P4  Ben  Alpha  Wed 09:30  vm#2  —
//   P4  Ben  Bravo  Thu 09:30  vm#3  —
//   P4  Ben  Bravo  Fri 09:30  vm#4  callback Fri 10:00 appointment          → returned, 30 min, appointment
//   P5  Ben  Bravo  Mon 14:00  vm#1  callbacks Mon 14:10 other, Tue 09:00 appointment
//                                     → returned once, first callback 10 min, appointment
// Not voicemails: Ann's no-message dial to P6 (Mon 16:00); P6 calls back Mon 16:30 with no
// voicemail to credit → 1 unattributed callback.
// Alpha's tags: number-early, under-30s. Bravo's: humour, under-30s. Minimum sample set to 3.
//
// Wilson 95% bounds (z = 1.959963984540054) by hand in Python:
//   2/5 → 0.117621–0.769276 · 2/3 → 0.207660–0.938508 · 3/5 → 0.230724–0.882379
//   4/8 → 0.215216–0.784784 · 0/1 → 0–0.793451 · 1/1 → 0.206549–1
// Percentiles (type 7): median of {60, 120} = 90, 80th = 60 + 0.8·60 = 108;
//   median of {10, 30} = 20, 80th = 10 + 0.8·20 = 26; median of {10, 60, 120} = 60.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-stats-"));
const file = path.join(dir, "stats.db");
const db = await openDatabase(file);
const now = new Date("2025-03-10T17:00:00Z");

/** A New York wall-clock time in the fixture week (EST, UTC−5). */
const ny = (day: number, time: string) => new Date(`2025-03-0${day}T${time}:00-05:00`);
const MON = 3;
const TUE = 4;
const WED = 5;
const THU = 6;
const FRI = 7;

let team: TestTeam;
let manager: TeamMember;
let ann: TeamMember;
let ben: TeamMember;

beforeAll(async () => {
  team = await makeTeam(db, "Stats Fixture");
  manager = await team.join("manager", "Mia Manager");
  ann = await team.join("rep", "Ann Archer");
  ben = await team.join("rep", "Ben Baker");
  await team.owner.caller.teams.updateSettings({ minSample: 3 });
  const alpha = await team.owner.caller.scripts.create({
    title: "Alpha",
    stage: "first-touch",
    tags: ["number-early", "under-30s"],
    body: "Hi {prospect.firstName}, {rep.name} here, {rep.phone}. One idea for {prospect.company}.",
  });
  const bravo = await team.owner.caller.scripts.create({
    title: "Bravo",
    stage: "last-try",
    tags: ["humour", "under-30s"],
    body: "Hi {prospect.firstName}, last try from {rep.name}: call me at {rep.phone}.",
  });
  const vm = (who: TeamMember, prospect: { id: number } | { name: string; phone: string }, scriptId: number, at: Date) =>
    who.caller.attempts.log({ prospect, outcome: "voicemail", scriptId, at });

  const p1 = await vm(ann, { name: "Pia One", phone: "212-555-0101" }, alpha.id, ny(MON, "10:00"));
  await ann.caller.callbacks.log({ prospect: { id: p1.prospectId }, result: "appointment", at: ny(MON, "11:00") });
  await vm(ann, { name: "Pat Two", phone: "212-555-0102" }, alpha.id, ny(MON, "10:15"));
  const p3 = await vm(ann, { name: "Pam Three", phone: "212-555-0103" }, alpha.id, ny(TUE, "09:00"));
  await ann.caller.callbacks.log({ prospect: { id: p3.prospectId }, result: "interested", at: ny(TUE, "11:00") });

  const p4 = await vm(ben, { name: "Pete Four", phone: "212-555-0104" }, alpha.id, ny(TUE, "09:30"));
  await vm(ben, { id: p4.prospectId }, alpha.id, ny(WED, "09:30"));
  await vm(ben, { id: p4.prospectId }, bravo.id, ny(THU, "09:30"));
  await vm(ben, { id: p4.prospectId }, bravo.id, ny(FRI, "09:30"));
  await ben.caller.callbacks.log({ prospect: { id: p4.prospectId }, result: "appointment", at: ny(FRI, "10:00") });

  const p5 = await vm(ben, { name: "Paz Five", phone: "212-555-0105" }, bravo.id, ny(MON, "14:00"));
  await ben.caller.callbacks.log({ prospect: { id: p5.prospectId }, result: "other", at: ny(MON, "14:10") });
  await ben.caller.callbacks.log({ prospect: { id: p5.prospectId }, result: "appointment", at: ny(TUE, "09:00") });

  const p6 = await ann.caller.attempts.log({ prospect: { name: "Poe Six", phone: "212-555-0106" }, outcome: "no-message", at: ny(MON, "16:00") });
  await ann.caller.callbacks.log({ prospect: { id: p6.prospectId }, result: "interested", at: ny(MON, "16:30") });
});

afterAll(async () => {
  await db.$close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const round4 = (x: number | null) => (x === null ? null : Number(x.toFixed(4)));
const summary = (r: { key: string; voicemails: number; returned: number; appointments: number; ciLow: number; ciHigh: number; ranked: boolean; rank: number | null }) => [
  r.key,
  r.voicemails,
  r.returned,
  r.appointments,
  round4(r.ciLow),
  round4(r.ciHigh),
  r.ranked,
  r.rank,
];

describe("leaderboard rows for the fixture team (hand computation above)", () => {
  it("by script: Bravo 2/3 ranks above Alpha 2/5 on the lower bound", async () => {
    const board = await ann.caller.leaderboard.get({ by: "script" });
    expect(board.minSample).toBe(3);
    expect(board.unattributedCallbacks).toBe(1);
    expect(board.rows.map(summary)).toEqual([
      ["Bravo", 3, 2, 2, 0.2077, 0.9385, true, 1],
      ["Alpha", 5, 2, 1, 0.1176, 0.7693, true, 2],
    ]);
    const [bravo, alpha] = board.rows;
    expect([alpha.medianMinutesToCallback, alpha.p80MinutesToCallback]).toEqual([90, 108]);
    expect([bravo.medianMinutesToCallback, bravo.p80MinutesToCallback]).toEqual([20, 26]);
    expect(bravo.appointmentRate).toBeCloseTo(2 / 3, 12);
  });

  it("by rep: Ann 2/3 above Ben 2/5", async () => {
    const board = await ben.caller.leaderboard.get({ by: "rep" });
    expect(board.rows.map(summary)).toEqual([
      [ann.user.email, 3, 2, 1, 0.2077, 0.9385, true, 1],
      [ben.user.email, 5, 2, 2, 0.1176, 0.7693, true, 2],
    ]);
    expect(board.rows.map((r) => r.label)).toEqual(["Ann Archer", "Ben Baker"]);
  });

  it("by attempt number: only the 1st voicemail has the minimum sample; the rest need more data", async () => {
    const board = await manager.caller.leaderboard.get({ by: "attempt-number" });
    expect(board.rows.map(summary)).toEqual([
      ["1", 5, 3, 2, 0.2307, 0.8824, true, 1],
      ["2", 1, 0, 0, 0, 0.7935, false, null],
      ["3", 1, 0, 0, 0, 0.7935, false, null],
      ["4+", 1, 1, 1, 0.2065, 1, false, null],
    ]);
    expect(board.rows[0].medianMinutesToCallback).toBe(60);
    expect(board.rows[3].medianMinutesToCallback).toBe(30);
  });

  it("by tag: a voicemail counts under each tag of its script", async () => {
    const board = await manager.caller.leaderboard.get({ by: "tag" });
    expect(board.rows.map(summary)).toEqual([
      ["under-30s", 8, 4, 3, 0.2152, 0.7848, true, 1],
      ["humour", 3, 2, 2, 0.2077, 0.9385, true, 2],
      ["number-early", 5, 2, 1, 0.1176, 0.7693, true, 3],
    ]);
  });

  it("filters by rep, script, stage, tag and attempt number", async () => {
    const rows = async (filter: Record<string, unknown>) =>
      (await manager.caller.leaderboard.get({ by: "script", ...filter })).rows.map((r) => [r.key, r.voicemails, r.returned]);
    expect(await rows({ repId: ben.user.id })).toEqual([
      ["Bravo", 3, 2],
      ["Alpha", 2, 0],
    ]);
    expect(await rows({ stage: "last-try" })).toEqual([["Bravo", 3, 2]]);
    expect(await rows({ tag: "number-early" })).toEqual([["Alpha", 5, 2]]);
    expect(await rows({ attempt: "4+" })).toEqual([["Bravo", 1, 1]]);
  });

  it("a custom range counts the voicemails left on those local days only", async () => {
    // Monday alone: P1, P2 (Alpha, 1 returned) and P5 (Bravo, returned).
    const board = await manager.caller.leaderboard.get({ by: "script", range: "custom", from: "2025-03-03", to: "2025-03-03" });
    expect(board.rows.map((r) => [r.key, r.voicemails, r.returned])).toEqual([
      ["Alpha", 2, 1],
      ["Bravo", 1, 1],
    ]);
    expect(board.period.from).toEqual(new Date("2025-03-03T05:00:00Z"));
  });
});

describe("team overview", () => {
  it("buckets voicemails by New York weekday and hour", async () => {
    const overview = await manager.caller.leaderboard.overview({});
    const cells = overview.heatmap
      .map((c) => [c.weekday, c.hour, c.voicemails, c.returned])
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    // Mon 10h: P1, P2 (1 returned) · Mon 14h: P5 · Tue 9h: P3, P4 vm#1 (1 returned) · Wed/Thu/Fri 9h: P4.
    expect(cells).toEqual([
      [0, 10, 2, 1],
      [0, 14, 1, 1],
      [1, 9, 2, 1],
      [2, 9, 1, 0],
      [3, 9, 1, 0],
      [4, 9, 1, 1],
    ]);
  });

  it("has the funnel, the cadence and daily activity", async () => {
    const overview = await manager.caller.leaderboard.overview({ range: "custom", from: "2025-03-03", to: "2025-03-07" });
    expect([overview.funnel.voicemails, overview.funnel.returned, overview.funnel.appointments]).toEqual([8, 4, 3]);
    expect(overview.byAttempt.map((r) => r.key)).toEqual(["1", "2", "3", "4+"]);
    // Monday: 4 dials (3 voicemails + the no-message), callbacks at 11:00, 14:10 and 16:30, one an appointment.
    expect(overview.activity[0]).toEqual({ date: "2025-03-03", dials: 4, voicemails: 3, callbacks: 3, appointments: 1 });
    expect(overview.activity.map((d) => d.date)).toEqual(["2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06", "2025-03-07"]);
    expect(overview.lateAttemptScripts.map((r) => [r.key, r.voicemails, r.returned, r.stage])).toEqual([["Bravo", 1, 1, "last-try"]]);
    expect(overview.trend.weeks).toEqual(["2025-03-03"]);
    // The trend sums the rollups' day counters: its one week is the script board of the same days.
    const board = await manager.caller.leaderboard.get({ by: "script", range: "custom", from: "2025-03-03", to: "2025-03-07" });
    const weekOf = (key: string) => overview.trend.series.find((s) => s.key === key)!.points[0];
    expect(board.rows.map((r) => [r.key, weekOf(r.key).voicemails, weekOf(r.key).returned, weekOf(r.key).appointments])).toEqual(
      board.rows.map((r) => [r.key, r.voicemails, r.returned, r.appointments]),
    );
    expect(overview.readTime.map((p) => p.key).sort()).toEqual(["Alpha", "Bravo"]);
  });

  it("filtered by a script, its activity counts that script's voicemails and the callbacks credited to them", async () => {
    const week = { range: "custom", from: "2025-03-03", to: "2025-03-07" } as const;
    const { scripts } = await manager.caller.leaderboard.filters();
    const bravo = scripts.find((s) => s.title === "Bravo")!;
    const all = await manager.caller.leaderboard.overview(week);
    const only = await manager.caller.leaderboard.overview({ ...week, scriptId: bravo.id });
    const sum = (days: typeof all.activity, field: "dials" | "voicemails" | "callbacks") => days.reduce((n, d) => n + d[field], 0);
    const [row] = (await manager.caller.leaderboard.get({ by: "script", ...week, scriptId: bravo.id })).rows;
    // Unfiltered: every dial and every callback; filtered: Bravo's voicemails are its only dials.
    expect([sum(all.activity, "dials"), sum(all.activity, "voicemails")]).toEqual([9, 8]);
    expect([sum(only.activity, "dials"), sum(only.activity, "voicemails")]).toEqual([row.voicemails, row.voicemails]);
    expect(sum(only.activity, "callbacks")).toBeGreaterThanOrEqual(row.returned);
    expect(sum(only.activity, "callbacks")).toBeLessThan(sum(all.activity, "callbacks"));
    expect(only.heatmap.reduce((n, c) => n + c.voicemails, 0)).toBe(row.voicemails);
  });
});

describe("who may see what", () => {
  it("a rep sees the team leaderboard, but the team overview is FORBIDDEN for them", async () => {
    await expect(ann.caller.leaderboard.get({ by: "rep" })).resolves.toMatchObject({ rows: expect.any(Array) });
    expect(await codeOf(ann.caller.leaderboard.overview({}))).toBe("FORBIDDEN");
  });

  it("a rep opens their own drill-down but not a colleague's; a manager opens anyone's", async () => {
    const own = await ann.caller.leaderboard.rep({});
    expect(own.rep.email).toBe(ann.user.email);
    expect([own.overall.voicemails, own.overall.returned]).toEqual([3, 2]);
    // The team beside them, with its interval: 4/8 → 0.215216–0.784784 (header).
    expect(own.team).toMatchObject({ voicemails: 8, returned: 4, rate: 0.5 });
    expect(own.team.ciLow).toBeCloseTo(0.215216, 6);
    expect(own.team.ciHigh).toBeCloseTo(0.784784, 6);
    expect(await codeOf(ann.caller.leaderboard.rep({ repId: ben.user.id }))).toBe("FORBIDDEN");
    const bens = await manager.caller.leaderboard.rep({ repId: ben.user.id });
    expect(bens.scripts.map((r) => [r.key, r.voicemails])).toEqual([
      ["Bravo", 3],
      ["Alpha", 2],
    ]);
  });

  it("counts a rep's voicemails still awaiting a callback inside the attribution window", async () => {
    // At Mon 2025-03-10 13:00 EDT the 14-day window reaches back to 2025-02-24: Ann's P2 is the one
    // voicemail not returned and not followed by another; Ben's P4 vm#1–#3 were followed by vm#4.
    const actor = { userId: manager.user.id, teamId: team.id, role: "manager" as const };
    expect((await repStats(db, actor, { range: "all", repId: ann.user.id }, now)).awaitingCallback).toBe(1);
    expect((await repStats(db, actor, { range: "all", repId: ben.user.id }, now)).awaitingCallback).toBe(0);
    // Three weeks later the window has passed: nothing is awaited any more.
    expect((await repStats(db, actor, { range: "all", repId: ann.user.id }, new Date("2025-03-31T12:00:00Z"))).awaitingCallback).toBe(0);
  });
});

describe("the leaderboard CSV", () => {
  // Rates and bounds as 4-decimal fractions from the hand computation above; median minutes 20 and 90.
  const expectedByScript =
    "\"by\",\"key\",\"label\",\"voicemails\",\"returned\",\"rate\",\"ci_low\",\"ci_high\",\"appointments\",\"median_minutes_to_callback\",\"ranked\",\"rank\"\r\n" +
    "\"script\",\"Bravo\",\"Bravo\",\"3\",\"2\",\"0.6667\",\"0.2077\",\"0.9385\",\"2\",\"20.0\",\"true\",\"1\"\r\n" +
    "\"script\",\"Alpha\",\"Alpha\",\"5\",\"2\",\"0.4000\",\"0.1176\",\"0.7693\",\"1\",\"90.0\",\"true\",\"2\"\r\n";

  it("matches the hand computation to the digit", async () => {
    expect(await leaderboardCsv(db, { userId: team.owner.user.id, teamId: team.id, role: "owner" }, { by: "script", range: "all" }, now)).toBe(expectedByScript);
  });

  it("by attempt number leaves rank empty for unranked rows", async () => {
    const csv = await leaderboardCsv(db, { userId: team.owner.user.id, teamId: team.id, role: "owner" }, { by: "attempt-number", range: "all" }, now);
    expect(csv.split("\r\n").slice(1, 5)).toEqual([
      "\"attempt-number\",\"1\",\"Voicemail #1\",\"5\",\"3\",\"0.6000\",\"0.2307\",\"0.8824\",\"2\",\"60.0\",\"true\",\"1\"",
      "\"attempt-number\",\"2\",\"Voicemail #2\",\"1\",\"0\",\"0.0000\",\"0.0000\",\"0.7935\",\"0\",\"\",\"false\",\"\"",
      "\"attempt-number\",\"3\",\"Voicemail #3\",\"1\",\"0\",\"0.0000\",\"0.0000\",\"0.7935\",\"0\",\"\",\"false\",\"\"",
      "\"attempt-number\",\"4+\",\"Voicemail #4+\",\"1\",\"1\",\"1.0000\",\"0.2065\",\"1.0000\",\"1\",\"30.0\",\"false\",\"\"",
    ]);
  });

  it("is what `ringback export leaderboard` prints for the same team", async () => {
    const run = promisify(execFile);
    const { stdout } = await run(path.join(process.cwd(), "node_modules/.bin/tsx"), ["server/cli.ts", "export", "leaderboard", "--team", team.slug, "--by", "script"], {
      env: { ...process.env, DATABASE_URL: file },
    });
    expect(stdout).toBe(expectedByScript);
  }, 30_000);

  it("writes to a file with -o, and rejects an unknown dimension with a one-line reason", async () => {
    const run = promisify(execFile);
    const out = path.join(dir, "by-rep.csv");
    await run(path.join(process.cwd(), "node_modules/.bin/tsx"), ["server/cli.ts", "export", "leaderboard", "--team", team.slug, "--by", "rep", "--from", "2025-03-03", "--to", "2025-03-09", "-o", out], {
      env: { ...process.env, DATABASE_URL: file },
    });
    expect(fs.readFileSync(out, "utf8").split("\r\n")[1]).toBe(`"rep","${ann.user.email}","Ann Archer","3","2","0.6667","0.2077","0.9385","1","90.0","true","1"`);
    const failed = await run(path.join(process.cwd(), "node_modules/.bin/tsx"), ["server/cli.ts", "export", "leaderboard", "--team", team.slug, "--by", "colour"], {
      env: { ...process.env, DATABASE_URL: file },
    }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1, stderr: "ringback: --by must be one of script, rep, attempt-number, tag\n" });
  }, 30_000);
});
