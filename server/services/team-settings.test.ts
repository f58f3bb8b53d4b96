import { describe, expect, it } from "vitest";
import { codeOf, makeTeam, openTestDatabase, t0 } from "@/tests/support/fixtures";
import { verifyDatabase } from "./verify";

// Team settings (issue 2): owners change them; a new attribution window re-credits every
// callback at once, so no rate is ever computed from credits made under the old window.
const db = await openTestDatabase();
const DAY_MS = 86_400_000;

describe("team settings", () => {
  it("re-credits stored callbacks when the attribution window changes", async () => {
    const team = await makeTeam(db, "Window Team");
    const script = await team.owner.caller.scripts.create({ title: "Opener", stage: "first-touch", body: "Hi {prospect.firstName}." });
    const vm = await team.owner.caller.attempts.log({ prospect: { name: "Dana Whitfield", phone: "516-541-8160" }, outcome: "voicemail", scriptId: script.id, at: t0 });
    const cb = await team.owner.caller.callbacks.log({ prospect: { id: vm.prospectId }, result: "interested", at: new Date(t0.getTime() + 3 * DAY_MS) });
    expect(cb.credit?.attemptId).toBe(vm.id);

    await team.owner.caller.teams.updateSettings({ attributionWindowDays: 2 });
    const narrowed = await team.owner.caller.callbacks.preview({ prospectId: vm.prospectId, at: new Date(t0.getTime() + 3 * DAY_MS) });
    expect(narrowed).toMatchObject({ credit: null, reason: "outside-window" });
    const board = await team.owner.caller.leaderboard.get({ by: "script" });
    expect(JSON.stringify(board)).not.toContain('"returned":1');
    expect((await verifyDatabase(db)).differences).toEqual([]);

    await team.owner.caller.teams.updateSettings({ attributionWindowDays: 14 });
    expect((await verifyDatabase(db)).differences).toEqual([]);
  });

  it("refuses a manager, an unknown time zone and an out-of-range window, changing nothing", async () => {
    const team = await makeTeam(db, "Settings Team");
    const manager = await team.join("manager", "Mia Manager");
    expect(await codeOf(manager.caller.teams.updateSettings({ minSample: 5 }))).toBe("FORBIDDEN");
    expect(await codeOf(team.owner.caller.teams.updateSettings({ timezone: "Mars/Olympus_Mons" }))).toBe("BAD_REQUEST");
    expect(await codeOf(team.owner.caller.teams.updateSettings({ attributionWindowDays: 0 }))).toBe("BAD_REQUEST");
    const current = await team.owner.caller.teams.current();
    expect(current).toMatchObject({ timezone: "America/New_York", attributionWindowDays: 14, minSample: 10 });
  });
});

describe("team slugs", () => {
  it("carry a random suffix every time, so a slug never tells that another team has the name", async () => {
    const first = await makeTeam(db, "Acme Calling");
    const second = await makeTeam(db, "Acme Calling");
    expect(first.slug).toMatch(/^acme-calling-[0-9a-f]{6}$/);
    expect(second.slug).toMatch(/^acme-calling-[0-9a-f]{6}$/);
    expect(second.slug).not.toBe(first.slug);
  });
});
