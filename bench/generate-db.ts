// Builds a realistic team database for the benchmark (issue 6), deterministically from a seed:
// one team of 50 reps dialling for a year, 200 scripts with versions, prospects worked through a
// cadence of voicemails, and callbacks at realistic rates and delays. The same seed, size and end
// date give the same rows.
//
//   npx tsx bench/generate-db.ts --attempts 1000000 -o bench/bench-1M.db [--seed 6] [--end 2026-11-28]
//
// The simulation walks time forwards, so attribution is computed as it goes, by the rule of
// server/domain/attribution.ts (the latest voicemail at or before the callback, within the
// window); `ringback verify` recomputes it independently and must find nothing to report.
// Rows go in through prepared statements in large transactions, with the attempt and callback
// indexes (and the rollup triggers) dropped meanwhile and rebuilt once at the end.

import fs from "node:fs";
import { openDatabase, type Db, sqliteConnection } from "@/db/client";
import { rebuildRollups } from "@/db/rollups";
import { DAY_MS } from "@/server/domain/attribution";
import { renderScript, SAMPLE_VALUES, wordCount } from "@/server/domain/script-template";
import { addDays, startOfLocalDay, weekdayOf } from "@/server/domain/time-buckets";
import { createTeamWithOwner } from "@/server/services/members";
import { newId } from "@/server/services/ids";

export const BENCH_PASSWORD = "bench-password-6";
export const BENCH_OWNER = "owner@bench.ringback.test";
export const BENCH_TIMEZONE = "America/New_York";

export type GenerateOptions = { attempts: number; seed?: number; end?: string; reps?: number; scripts?: number; onProgress?: (line: string) => void };
export type Generated = { teamId: string; slug: string; ownerEmail: string; password: string; attempts: number; callbacks: number; prospects: number; versions: number; seconds: number };

/** mulberry32: small, fast and good enough for simulated behaviour. */
export function seededRandom(seed: number) {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const STAGE_SHARE = [
  ["first-touch", 80],
  ["follow-up", 70],
  ["last-try", 30],
  ["any", 20],
] as const;
const TAGS = ["number-early", "humour", "hang-up-mid-sentence", "under-30s", "referral", "case-study", "question-hook"];
const OPENERS = ["Hi {prospect.firstName}, it's {rep.name}.", "{prospect.firstName}, {rep.name} here from Ringback.", "Hello {prospect.name},"];
const MIDDLES = [
  "My number is {rep.phone}.",
  "I help teams like {prospect.company} get more callbacks from the same dials.",
  "A colleague of yours suggested I reach out.",
  "Quick one, I promise.",
  "We cut follow-up time in half for a team like yours last quarter.",
];
const CLOSERS = ["Call me back at {rep.phone}.", "Talk soon.", "If now is not the time, no reply needed and I will stop calling.", "I will try you again Thursday."];
const FIRST = ["Dana", "Jordan", "Avery", "Chris", "Pat", "Sam", "Riley", "Morgan", "Casey", "Jamie", "Alex", "Taylor", "Noor", "Kenji", "Ines"];
const LAST = ["Whitfield", "Lane", "Okafor", "Nguyen", "García", "Schmidt", "O'Brien", "Kowalski", "Haddad", "Larsen", "Ivanova", "Mensah"];
const COMPANIES = ["Harbor Freight Co", "Northwind Logistics", "Acme Inc", "Blue Ridge Dental", "Summit Partners", null];
const RESULTS = [
  ["appointment", 0.22],
  ["interested", 0.38],
  ["not-interested", 0.28],
  ["other", 0.12],
] as const;

const MINUTE = 60_000;
const WINDOW_DAYS = 14;

/** Statements that define a table's indexes and triggers, dropped for the bulk load and replayed after. */
function dropDefinitions(db: Db, tables: string[]): string[] {
  const rows = sqliteConnection(db)
    .prepare(`select type, name, sql from sqlite_master where tbl_name in (${tables.map(() => "?").join(",")}) and type in ('index', 'trigger') and sql is not null`)
    .all(...tables) as { type: string; name: string; sql: string }[];
  for (const r of rows) sqliteConnection(db).exec(`drop ${r.type} "${r.name}"`);
  return rows.map((r) => r.sql);
}

export async function generateDatabase(file: string, options: GenerateOptions): Promise<Generated> {
  const started = Date.now();
  const log = options.onProgress ?? (() => {});
  const random = seededRandom(options.seed ?? 6);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const repCount = options.reps ?? 50;
  const scriptCount = options.scripts ?? 200;
  const end = options.end ?? new Date().toISOString().slice(0, 10);
  const first = addDays(end, -364);

  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  const db = await openDatabase(file);
  const sqlite = sqliteConnection(db);
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -200000");

  const team = await createTeamWithOwner(db, { name: "Bench Sales", timezone: BENCH_TIMEZONE, ownerEmail: BENCH_OWNER, ownerPassword: BENCH_PASSWORD, ownerName: "Bench Owner" });
  const ownerHash = (sqlite.prepare("select password from account where user_id = ?").get(team.owner.id) as { password: string }).password;

  // Reps share the owner's password hash: hashing 50 passwords would cost more than the dials.
  const reps: { id: string; skill: number; pace: number }[] = [];
  const insertUser = sqlite.prepare("insert into user (id, name, email, email_verified) values (?, ?, ?, 1)");
  const insertAccount = sqlite.prepare("insert into account (id, account_id, provider_id, user_id, password) values (?, ?, 'credential', ?, ?)");
  const insertMember = sqlite.prepare("insert into member (id, organization_id, user_id, role, phone) values (?, ?, ?, 'rep', ?)");
  sqlite.transaction(() => {
    for (let i = 1; i <= repCount; i++) {
      const id = newId();
      insertUser.run(id, `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} ${i}`, `rep${i}@bench.ringback.test`);
      insertAccount.run(newId(), id, id, ownerHash);
      insertMember.run(newId(), team.id, id, `+1212555${String(1000 + i).padStart(4, "0")}`);
      reps.push({ id, skill: Math.exp(0.25 * normal()), pace: 0.75 + 0.5 * random() });
    }
  })();

  // Scripts by stage, each with 1–4 versions introduced through the year.
  type Script = { id: number; versions: { id: number; fromDay: number }[]; quality: number; weight: number };
  const byStage = new Map<string, Script[]>(STAGE_SHARE.map(([stage]) => [stage, []]));
  const insertScript = sqlite.prepare("insert into script (team_id, title, stage, author_id, shared, team_pick, created_at, updated_at) values (?, ?, ?, ?, 1, ?, ?, ?)");
  const insertVersion = sqlite.prepare("insert into script_version (script_id, number, body, word_count, author_id, created_at) values (?, ?, ?, ?, ?, ?)");
  const insertTag = sqlite.prepare("insert or ignore into script_tag (script_id, tag) values (?, ?)");
  const yearStart = startOfLocalDay(first, BENCH_TIMEZONE).getTime();
  let versionCount = 0;
  sqlite.transaction(() => {
    let made = 0;
    for (const [stage, share] of STAGE_SHARE) {
      const n = Math.round((share / 200) * scriptCount);
      for (let i = 0; i < n && made < scriptCount; i++, made++) {
        const author = reps[Math.floor(random() * reps.length)].id;
        const created = yearStart - 30 * DAY_MS;
        const scriptId = Number(insertScript.run(team.id, `${stage} script ${made + 1}`, stage, author, random() < 0.05 ? 1 : 0, created, created).lastInsertRowid);
        for (const tag of TAGS) if (random() < 0.2) insertTag.run(scriptId, tag);
        const versions: Script["versions"] = [];
        const count = 1 + Math.floor(random() * 4);
        for (let v = 1; v <= count; v++) {
          const fromDay = v === 1 ? -30 : Math.floor(((v - 1) / count) * 365 + random() * 20);
          const body = `${OPENERS[Math.floor(random() * OPENERS.length)]} ${MIDDLES[Math.floor(random() * MIDDLES.length)]} ${CLOSERS[Math.floor(random() * CLOSERS.length)]}`;
          const at = yearStart + fromDay * DAY_MS;
          const id = Number(insertVersion.run(scriptId, v, body, wordCount(renderScript(body, SAMPLE_VALUES)), author, at).lastInsertRowid);
          versions.push({ id, fromDay });
          versionCount++;
        }
        // A few scripts carry most of the dials, as in any team library.
        byStage.get(stage)!.push({ id: scriptId, versions, quality: Math.exp(0.35 * normal()), weight: 1 / (1 + i) ** 0.8 });
      }
    }
  })();
  const pickScript = (stage: string) => {
    const list = byStage.get(stage)!;
    let total = 0;
    for (const s of list) total += s.weight;
    let r = random() * total;
    for (const s of list) if ((r -= s.weight) < 0) return s;
    return list[list.length - 1];
  };

  const deferred = [...dropDefinitions(db, ["attempt", "callback"])];

  // Prospect state, in typed arrays so ten million dials fit in memory.
  const capacity = Math.ceil(options.attempts / 2) + 1000;
  const pOwner = new Uint8Array(capacity);
  const pVoicemails = new Uint8Array(capacity);
  const pDials = new Uint8Array(capacity);
  const pLastVoicemailId = new Int32Array(capacity);
  const pLastVoicemailAt = new Float64Array(capacity);
  const pDone = new Uint8Array(capacity);
  const prospectIds = new Int32Array(capacity);
  let prospects = 0;

  const insertProspect = sqlite.prepare("insert into prospect (team_id, name, company, phone, owner_id, status, created_at, updated_at) values (?, ?, ?, ?, ?, 'open', ?, ?)");
  const insertAttempt = sqlite.prepare(
    "insert into attempt (id, team_id, rep_id, prospect_id, at, outcome, script_version_id, message_seconds, notes, voicemail_number, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?)",
  );
  const insertCallback = sqlite.prepare(
    "insert into callback (id, team_id, prospect_id, at, result, logged_by_id, credited_attempt_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const returned = new Map<number, { at: number; appointment: boolean }>();

  type PendingCallback = { at: number; p: number };
  const callbacksByDay = new Map<number, PendingCallback[]>();
  const dueByDay = new Map<number, number[]>();
  const due = (day: number, p: number) => {
    const list = dueByDay.get(day);
    if (list) list.push(p);
    else dueByDay.set(day, [p]);
  };
  // Today's callbacks, in time order, from `today.next` on; ones due later wait in callbacksByDay.
  const today = { day: -1, list: [] as PendingCallback[], next: 0 };
  const scheduleCallback = (at: number, p: number) => {
    const day = Math.floor((at - yearStart) / DAY_MS);
    if (day === today.day) {
      let i = today.list.length;
      while (i > today.next && today.list[i - 1].at > at) i--;
      today.list.splice(i, 0, { at, p });
      return;
    }
    const list = callbacksByDay.get(day);
    if (list) list.push({ at, p });
    else callbacksByDay.set(day, [{ at, p }]);
  };

  const workdays = Array.from({ length: 365 }, (_, d) => addDays(first, d)).filter((date) => weekdayOf(date) < 5).length;
  const dialsPerRepDay = options.attempts / repCount / workdays;
  let attemptId = 0;
  let callbackId = 0;

  const creditCallback = (cb: PendingCallback) => {
    const p = cb.p;
    // The latest voicemail at or before the callback, within the window (attribution.ts).
    const vmId = pLastVoicemailId[p];
    const credited = vmId > 0 && pLastVoicemailAt[p] <= cb.at && cb.at - pLastVoicemailAt[p] <= WINDOW_DAYS * DAY_MS ? vmId : null;
    let r = random();
    let result: string = RESULTS[0][0];
    for (const [name, w] of RESULTS) if ((r -= w) < 0) {
      result = name;
      break;
    }
    insertCallback.run(++callbackId, team.id, prospectIds[p], cb.at, result, reps[pOwner[p]].id, credited, cb.at);
    if (credited !== null) {
      const facts = returned.get(credited);
      if (!facts) returned.set(credited, { at: cb.at, appointment: result === "appointment" });
      else if (result === "appointment") facts.appointment = true;
    }
    pDone[p] = 1;
  };

  const dayLoad = sqlite.transaction((d: number, date: string) => {
    const midnight = startOfLocalDay(date, BENCH_TIMEZONE).getTime();
    today.day = d;
    today.list = (callbacksByDay.get(d) ?? []).sort((a, b) => a.at - b.at);
    today.next = 0;
    callbacksByDay.delete(d);
    if (weekdayOf(date) < 5) {
      const dials: { at: number; p: number; rep: number }[] = [];
      const dueToday = dueByDay.get(d) ?? [];
      dueByDay.delete(d);
      const queues: number[][] = reps.map(() => []);
      for (const p of dueToday) if (!pDone[p]) queues[pOwner[p]].push(p);
      for (let rep = 0; rep < reps.length; rep++) {
        const target = Math.max(1, Math.round(dialsPerRepDay * reps[rep].pace * (0.8 + 0.4 * random())));
        const queue = queues[rep];
        for (let i = 0; i < target; i++) {
          let p: number;
          if (i < queue.length) p = queue[i];
          else {
            if (prospects >= capacity) break;
            p = prospects++;
            pOwner[p] = rep;
            const name = `${FIRST[Math.floor(random() * FIRST.length)]} ${LAST[Math.floor(random() * LAST.length)]}`;
            const phone = `+1${200 + (p % 700)}555${String(Math.floor(p / 700)).padStart(4, "0")}`;
            prospectIds[p] = Number(insertProspect.run(team.id, name, COMPANIES[p % COMPANIES.length], phone, reps[rep].id, midnight, midnight).lastInsertRowid);
          }
          // 8:30 to 17:30 local; the rep's index keeps two reps' dials apart to the millisecond.
          dials.push({ at: midnight + 8.5 * 3_600_000 + Math.floor(random() * 9 * 3_600_000) + rep, p, rep });
        }
      }
      dials.sort((a, b) => a.at - b.at);
      for (const dial of dials) {
        while (today.next < today.list.length && today.list[today.next].at < dial.at) creditCallback(today.list[today.next++]);
        if (attemptId >= options.attempts) break;
        const p = dial.p;
        if (pDone[p]) continue;
        const rep = reps[dial.rep];
        const r = random();
        const outcome = r < 0.55 ? "voicemail" : r < 0.82 ? "no-message" : r < 0.95 ? "connected" : "bad-number";
        const id = ++attemptId;
        pDials[p]++;
        if (outcome === "voicemail") {
          const number = ++pVoicemails[p];
          const stage = random() < 0.12 ? "any" : number === 1 ? "first-touch" : number <= 3 ? "follow-up" : "last-try";
          const s = pickScript(stage);
          let version = s.versions[0];
          for (const v of s.versions) if (v.fromDay <= d) version = v;
          insertAttempt.run(id, team.id, rep.id, prospectIds[p], dial.at, outcome, version.id, random() < 0.6 ? 15 + Math.floor(random() * 45) : null, number, dial.at);
          pLastVoicemailId[p] = id;
          pLastVoicemailAt[p] = dial.at;
          // Callback odds: a few percent a voicemail, better for good scripts, skilled reps and late tries.
          const odds = Math.min(0.6, (0.05 + 0.015 * Math.min(number, 4)) * s.quality * rep.skill);
          if (random() < odds) {
            const minutes = Math.exp(Math.log(90) + 1.6 * normal());
            scheduleCallback(dial.at + Math.max(1, Math.floor(minutes * MINUTE)), p);
            if (random() < 0.05) scheduleCallback(dial.at + Math.floor(minutes * MINUTE) + DAY_MS + Math.floor(random() * DAY_MS), p);
          }
        } else {
          insertAttempt.run(id, team.id, rep.id, prospectIds[p], dial.at, outcome, null, null, null, dial.at);
          // Someone who was not left a message sometimes calls back anyway (often unattributed).
          if (random() < 0.01) scheduleCallback(dial.at + Math.floor((30 + random() * 600) * MINUTE), p);
        }
        const stop = outcome === "bad-number" || (outcome === "connected" && random() < 0.7) || pDials[p] >= 6;
        if (stop) pDone[p] = 1;
        else {
          // Next try in two to five working days.
          let next = d + 2 + Math.floor(random() * 4);
          while (weekdayOf(addDays(first, next)) >= 5) next++;
          due(next, p);
        }
      }
    }
    while (today.next < today.list.length) creditCallback(today.list[today.next++]);
  });

  for (let d = 0; d < 365; d++) {
    dayLoad(d, addDays(first, d));
    if (d % 30 === 29) log(`  day ${d + 1}/365: ${attemptId.toLocaleString("en-US")} attempts, ${callbackId.toLocaleString("en-US")} callbacks`);
  }

  const storeReturned = sqlite.prepare("update attempt set returned_at = ?, appointment = ? where id = ?");
  sqlite.transaction(() => {
    for (const [id, facts] of returned) storeReturned.run(facts.at, facts.appointment ? 1 : 0, id);
    sqlite.prepare("update prospect set status = 'appointment' where id in (select prospect_id from callback where result = 'appointment')").run();
    sqlite.prepare("delete from sqlite_sequence where name in ('attempt', 'callback')").run();
    sqlite.prepare("insert into sqlite_sequence (name, seq) values ('attempt', ?), ('callback', ?)").run(attemptId, callbackId);
  })();
  log(`  rows written in ${((Date.now() - started) / 1000).toFixed(1)} s; building indexes and rollups`);
  await db.transaction(async (tx) => {
    for (const statement of deferred.filter((s) => /^create (unique )?index/i.test(s))) sqlite.exec(statement);
    await rebuildRollups(tx);
    for (const statement of deferred.filter((s) => /^create trigger/i.test(s))) sqlite.exec(statement);
  });
  sqlite.pragma("synchronous = NORMAL");
  sqlite.exec("analyze");
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  await db.$close();
  return {
    teamId: team.id,
    slug: team.slug,
    ownerEmail: BENCH_OWNER,
    password: BENCH_PASSWORD,
    attempts: attemptId,
    callbacks: callbackId,
    prospects,
    versions: versionCount,
    seconds: (Date.now() - started) / 1000,
  };
}

/** "100k", "1M", "2.5M", "10000" → a count. */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim());
  if (!m) throw new Error(`Not a size: ${text} (use e.g. 100k, 1M, 10M)`);
  const unit = m[2].toLowerCase() === "k" ? 1e3 : m[2].toLowerCase() === "m" ? 1e6 : 1;
  return Math.round(Number(m[1]) * unit);
}

function option(name: string, fallback: string) {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
}

if (process.argv[1]?.endsWith("generate-db.ts")) {
  const attempts = parseSize(option("--attempts", "1M"));
  const out = option("-o", `bench/bench-${option("--attempts", "1M")}.db`);
  generateDatabase(out, { attempts, seed: Number(option("--seed", "6")), end: option("--end", new Date().toISOString().slice(0, 10)), onProgress: (l) => console.error(l) })
    .then((g) => console.error(`wrote ${out}: ${g.attempts.toLocaleString("en-US")} attempts, ${g.callbacks.toLocaleString("en-US")} callbacks, ${g.prospects.toLocaleString("en-US")} prospects, ${g.versions} script versions in ${g.seconds.toFixed(1)} s`))
    .catch((e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
