import { describe, expect, it } from "vitest";
import { sqliteConnection } from "@/db/client";
import { seededRandom } from "@/bench/generate-db";
import { addDays, localTime } from "@/server/domain/time-buckets";
import { makeTeam, openTestDatabase } from "@/tests/support/fixtures";
import { rollupGroupCounts } from "./leaderboard-rollups";

describe("rollupGroupCounts", () => {
  it("equals counting the attempts by local date, for any range", async () => {
    const db = await openTestDatabase();
    const team = await makeTeam(db, "Spans");
    const rep = await team.join("rep", "Sam Spans");
    const scripts = [];
    for (const title of ["One", "Two", "Three"]) {
      scripts.push(await team.owner.caller.scripts.create({ title, stage: "any", tags: [], body: `Hi {prospect.firstName}, ${title}.` }));
    }
    const random = seededRandom(5);
    const start = Date.parse("2025-01-01T05:00:00Z");
    // Dials over 200 days, some on the first and last hours of local days and months.
    for (let i = 0; i < 220; i++) {
      const at = new Date(start + Math.floor(random() * 200 * 86_400_000));
      const dial = await rep.caller.attempts.log({ prospect: { name: `P ${i}`, phone: `212-555-${String(1000 + i).slice(-4)}` }, outcome: "voicemail", scriptId: scripts[i % 3].id, at });
      if (random() < 0.3) await rep.caller.callbacks.log({ prospect: { id: dial.prospectId }, result: random() < 0.4 ? "appointment" : "interested", at: new Date(at.getTime() + 3_600_000) });
      if (random() < 0.05) await rep.caller.attempts.remove({ id: dial.id });
    }
    const rows = sqliteConnection(db)
      .prepare("select script_version_id as version, at, returned_at is not null as returned, appointment from attempt where team_id = ? and outcome = 'voicemail' and deleted_at is null")
      .all(team.id) as { version: number; at: number; returned: number; appointment: number }[];
    const dated = rows.map((r) => ({ ...r, date: localTime(new Date(r.at), "America/New_York").date }));

    for (let i = 0; i < 60; i++) {
      const first = addDays("2024-12-20", Math.floor(random() * 220));
      const last = addDays(first, Math.floor(random() * (i % 3 === 0 ? 20 : 120)));
      const expected = new Map<string, { voicemails: number; returned: number; appointments: number }>();
      for (const r of dated.filter((d) => d.date >= first && d.date <= last)) {
        const c = expected.get(String(r.version)) ?? { voicemails: 0, returned: 0, appointments: 0 };
        expected.set(String(r.version), { voicemails: c.voicemails + 1, returned: c.returned + r.returned, appointments: c.appointments + r.appointment });
      }
      const got = (await rollupGroupCounts(db, team.id, { range: "custom" } as never, "version", first, last))!;
      expect(new Map(got.map((g) => [g.group, { voicemails: g.voicemails, returned: g.returned, appointments: g.appointments }])), `${first}…${last}`).toEqual(expected);
    }
  });
});
