import { describe, expect, it } from "vitest";
import { sqliteConnection, type Db } from "@/db/client";
import { timeToCallback } from "@/server/domain/stats";
import { seededRandom } from "@/bench/generate-db";
import { leaderboard } from "@/server/services/stats";
import { makeTeam, openTestDatabase, type TeamMember } from "@/tests/support/fixtures";

// The leaderboard's time-to-callback percentiles and unattributed-callback count come from a
// per-process cache of days (timing-cache.ts). These tests recount both straight from the rows
// after every write of a random sequence, and show that the cache really is reused — and
// reloaded when, and only when, a day's generation moves.

const DIMENSIONS = ["script", "version", "rep", "attempt-number", "tag"] as const;
const DAY_MS = 86_400_000;
const now = new Date("2025-06-30T20:00:00Z");

/** The percentiles and count recomputed from the attempts and callbacks, as SQL sees them. */
function recount(db: Db, teamId: string, by: (typeof DIMENSIONS)[number], from: number) {
  // Grouped by the key each leaderboard row shows.
  const group = {
    script: "s.title",
    version: "s.title || ' v' || sv.number",
    rep: "u.email",
    "attempt-number": "case when a.voicemail_number >= 4 then '4+' else cast(a.voicemail_number as text) end",
    tag: "t.tag",
  }[by];
  const rows = sqliteConnection(db)
    .prepare(
      `select ${group} as g, (a.returned_at - a.at) / 60000.0 as minutes from attempt a
       join script_version sv on sv.id = a.script_version_id join script s on s.id = sv.script_id
       join user u on u.id = a.rep_id left join script_tag t on t.script_id = sv.script_id
       where a.team_id = ? and a.outcome = 'voicemail' and a.deleted_at is null and a.returned_at is not null
         and a.at >= ? and a.at < ? and g is not null`,
    )
    .all(teamId, from, now.getTime()) as { g: string | number; minutes: number }[];
  const minutes = new Map<string, number[]>();
  for (const r of rows) minutes.set(String(r.g), [...(minutes.get(String(r.g)) ?? []), r.minutes]);
  const unattributed = sqliteConnection(db)
    .prepare("select count(*) from callback where team_id = ? and credited_attempt_id is null and deleted_at is null and at >= ? and at < ?")
    .pluck()
    .get(teamId, from, now.getTime());
  return { times: new Map([...minutes].map(([g, list]) => [g, timeToCallback(list)])), unattributed };
}

async function seedTeam(db: Db) {
  const team = await makeTeam(db, "Timing");
  const reps = [await team.join("rep", "Ria Rep"), await team.join("rep", "Rob Rep")];
  const scripts = [];
  for (const [title, tag] of [
    ["Short", "under-30s"],
    ["Long", "story"],
  ]) {
    scripts.push(await team.owner.caller.scripts.create({ title, stage: "any", tags: [tag], body: `Hi {prospect.firstName}, ${title} from {rep.name}.` }));
  }
  return { team, reps, scripts };
}

describe("time-to-callback and unattributed callbacks from the day cache", () => {
  it("equal a recount from the rows after every write of a random sequence", async () => {
    const db = await openTestDatabase();
    const { team, reps, scripts } = await seedTeam(db);
    const random = seededRandom(11);
    const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
    const prospects: { id: number }[] = [];
    const dials: { id: number; who: TeamMember }[] = [];
    const callbacks: { id: number; who: TeamMember }[] = [];
    const at = () => new Date(now.getTime() - Math.floor(random() * 40 * DAY_MS));
    const from30 = now.getTime() - 30 * DAY_MS;

    for (let step = 0; step < 160; step++) {
      const who = await pick(reps);
      const action = random();
      if (action < 0.45 || !prospects.length) {
        const prospect = prospects.length && random() < 0.6 ? pick(prospects) : { name: `P ${step}`, phone: `212-555-${String(1000 + step).slice(-4)}` };
        const dial = await who.caller.attempts.log({ prospect, outcome: "voicemail", scriptId: pick(scripts).id, at: at() });
        if (!prospects.some((p) => p.id === dial.prospectId)) prospects.push({ id: dial.prospectId });
        dials.push({ id: dial.id, who });
      } else if (action < 0.75) {
        const logged = await who.caller.callbacks.log({ prospect: pick(prospects), result: random() < 0.3 ? "appointment" : "interested", at: at() });
        callbacks.push({ id: logged.id, who });
      } else if (action < 0.85 && dials.length) {
        const dial = pick(dials);
        await dial.who.caller.attempts.remove({ id: dial.id }).catch(() => dial.who.caller.attempts.restore({ id: dial.id }));
      } else if (action < 0.95 && callbacks.length) {
        const cb = pick(callbacks);
        await cb.who.caller.callbacks.update({ id: cb.id, at: at() }).catch(() => undefined);
      } else if (callbacks.length) {
        const cb = pick(callbacks);
        await cb.who.caller.callbacks.remove({ id: cb.id }).catch(() => cb.who.caller.callbacks.restore({ id: cb.id }));
      }
      if (step % 8 !== 7) continue;
      for (const by of DIMENSIONS) {
        for (const range of ["30d", "all"] as const) {
          const board = await leaderboard(db, { userId: team.owner.user.id, teamId: team.id, role: "owner" }, { by, range }, now);
          const expected = recount(db, team.id, by, range === "30d" ? from30 : 0);
          const shown = new Map(
            board.rows.filter((r) => r.returned > 0).map((r) => [r.key, { median: r.medianMinutesToCallback, p80: r.p80MinutesToCallback }]),
          );
          expect(shown, `${by} ${range}`).toEqual(expected.times);
          for (const row of board.rows.filter((r) => r.returned === 0)) expect(row.medianMinutesToCallback, `${by} ${range} ${row.key}`).toBeNull();
          expect(board.unattributedCallbacks, `${by} ${range} unattributed`).toBe(expected.unattributed);
        }
      }
    }
    expect(dials.length).toBeGreaterThan(40);
    expect(callbacks.length).toBeGreaterThan(20);
  });

  it("reuses a day until its generation moves, then reloads it", async () => {
    const db = await openTestDatabase();
    const { team, reps, scripts } = await seedTeam(db);
    const actor = { userId: team.owner.user.id, teamId: team.id, role: "owner" as const };
    const dialAt = new Date(now.getTime() - 2 * DAY_MS);
    const dial = await reps[0].caller.attempts.log({ prospect: { name: "Cai Cache", phone: "212-555-0199" }, outcome: "voicemail", scriptId: scripts[0].id, at: dialAt });
    await reps[0].caller.callbacks.log({ prospect: { id: dial.prospectId }, result: "interested", at: new Date(dialAt.getTime() + 60 * 60_000) });
    const median = async () => (await leaderboard(db, actor, { by: "script", range: "30d" }, now)).rows.find((r) => r.returned > 0)?.medianMinutesToCallback;
    expect(await median()).toBe(60);

    // A write that moves no generation (the trigger is set aside) is not seen: the day is cached.
    const trigger = sqliteConnection(db).prepare("select sql from sqlite_master where name = 'attempt_day_generation_update'").pluck().get() as string;
    sqliteConnection(db).exec("drop trigger attempt_day_generation_update");
    sqliteConnection(db).prepare("update attempt set returned_at = at + 30 * 60000 where id = ?").run(dial.id);
    expect(await median()).toBe(60);

    // Moving the day's generation, as every trigger does, makes the next read reload it.
    sqliteConnection(db).exec(trigger);
    sqliteConnection(db).prepare("update day_generation set gen = gen + 1 where team_id = ? and day = ?").run(team.id, Math.floor(dialAt.getTime() / DAY_MS));
    expect(await median()).toBe(30);
  });
});
