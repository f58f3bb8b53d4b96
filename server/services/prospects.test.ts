import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { prospect } from "@/db/schema";
import { makeTeam, openTestDatabase, codeOf } from "@/tests/support/fixtures";

// Prospects (issue 3): one prospect per phone number whatever its format, the list's filters,
// the suggested next script, owner reassignment by managers only, and team isolation.
const db = await openTestDatabase();

const DAY_MS = 86_400_000;
const now = Date.now();
const ago = (days: number) => new Date(now - days * DAY_MS);

let teams = 0;
async function setup() {
  const team = await makeTeam(db, `Prospects ${++teams}`);
  const rep = await team.join("rep", `Rita Rep ${teams}`);
  const script = async (title: string, stage: "first-touch" | "follow-up" | "last-try") =>
    team.owner.caller.scripts.create({ title, stage, body: `${title}: hi {prospect.firstName} at {prospect.company}, it's {rep.name}.` });
  return { team, rep, opener: await script("Opener", "first-touch"), nudge: await script("Nudge", "follow-up"), last: await script("Final word", "last-try") };
}

describe("phone matching", () => {
  it.each(["516-541-8160", "(516) 541-8160", "+1 516 541 8160"])("finds the one prospect by %s, and logging with it adds no duplicate", async (typed) => {
    const { team, rep } = await setup();
    const first = await rep.caller.attempts.log({ prospect: { name: "Jordan Avery", phone: "5165418160" }, outcome: "no-message", at: ago(1) });
    const found = await rep.caller.prospects.search({ query: typed });
    expect(found.map((p) => p.id)).toEqual([first.prospectId]);
    const again = await rep.caller.attempts.log({ prospect: { name: "J. Avery (typed again)", phone: typed }, outcome: "no-message", at: ago(0.5) });
    expect(again.prospectId).toBe(first.prospectId);
    expect(await db.select().from(prospect).where(eq(prospect.teamId, team.id)).all()).toEqual([expect.objectContaining({ phone: "+15165418160", name: "Jordan Avery" })]);
  });

  it("searches by name and company too", async () => {
    const { rep } = await setup();
    await rep.caller.attempts.log({ prospect: { name: "Jordan Avery", phone: "516-541-8160", company: "Northwind Logistics" }, outcome: "no-message", at: ago(1) });
    expect((await rep.caller.prospects.search({ query: "northwind" })).map((p) => p.name)).toEqual(["Jordan Avery"]);
    expect((await rep.caller.prospects.search({ query: "jord" })).map((p) => p.name)).toEqual(["Jordan Avery"]);
    expect(await rep.caller.prospects.search({ query: "100%_" })).toEqual([]);
  });
});

describe("the list and awaiting callback", () => {
  it("the callback queue has its true count past 50, freshest voicemail first, and pages through all of it", async () => {
    const { rep, opener } = await setup();
    // 60 prospects, one voicemail each, an hour apart: prospect 0 the freshest.
    for (let i = 0; i < 60; i++) {
      await rep.caller.attempts.log({ prospect: { name: `Queue ${String(i).padStart(2, "0")}`, phone: `212-556-${String(1000 + i)}` }, outcome: "voicemail", scriptId: opener.id, at: new Date(now - (i + 1) * 3_600_000) });
    }
    const first = await rep.caller.prospects.awaitingCallback();
    expect(first).toMatchObject({ total: 60, offset: 0, limit: 10 });
    expect(first.items.map((p) => p.name).slice(0, 3)).toEqual(["Queue 00", "Queue 01", "Queue 02"]);
    const seen: string[] = [];
    for (let offset = 0; offset < 60; offset += 25) {
      const page = await rep.caller.prospects.awaitingCallback({ offset, limit: 25 });
      expect(page.total).toBe(60);
      seen.push(...page.items.map((p) => p.name));
    }
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(60);
    expect(seen.at(-1)).toBe("Queue 59");
    expect(await rep.caller.prospects.awaitingCallback({ offset: 100 })).toMatchObject({ total: 60, items: [] });
  });

  it("a conversation ends the run: spoken to after four voicemails, the prospect is no longer waiting nor due a last try", async () => {
    const { rep, opener, nudge } = await setup();
    const first = await rep.caller.attempts.log({ prospect: { name: "Sam Spoke", phone: "212-557-0001" }, outcome: "voicemail", scriptId: opener.id, at: ago(9) });
    for (const days of [8, 7, 6]) await rep.caller.attempts.log({ prospect: { id: first.prospectId }, outcome: "voicemail", scriptId: nudge.id, at: ago(days) });
    expect((await rep.caller.prospects.awaitingCallback()).items.map((p) => [p.name, p.unreturned])).toEqual([["Sam Spoke", 4]]);
    await rep.caller.attempts.log({ prospect: { id: first.prospectId }, outcome: "connected", at: ago(5) });
    expect(await rep.caller.prospects.awaitingCallback()).toMatchObject({ total: 0, items: [] });
    expect(await rep.caller.prospects.dialContext({ prospectId: first.prospectId })).toMatchObject({ voicemails: 4, unreturned: 0 });
    // One voicemail after the talk starts a new run of one.
    await rep.caller.attempts.log({ prospect: { id: first.prospectId }, outcome: "voicemail", scriptId: nudge.id, at: ago(4) });
    expect((await rep.caller.prospects.awaitingCallback()).items.map((p) => [p.name, p.unreturned])).toEqual([["Sam Spoke", 1]]);
  });

  it("filters by awaiting callback and unreturned voicemail count, and suggests the next script by attempt number", async () => {
    const { rep, opener, nudge } = await setup();
    const vm = (phone: string, name: string, days: number, scriptId = opener.id) =>
      rep.caller.attempts.log({ prospect: { name, phone, company: "Acme" }, outcome: "voicemail", scriptId, at: ago(days) });
    // Three unreturned voicemails: the next one is a last try.
    const cold = await vm("212-555-0101", "Casey Cold", 5);
    await vm("212-555-0101", "Casey Cold", 4, nudge.id);
    await vm("212-555-0101", "Casey Cold", 3, nudge.id);
    // One unreturned voicemail: a follow-up next.
    const warm = await vm("212-555-0102", "Wendy Warm", 1);
    // Called back after their voicemail: not awaiting.
    const done = await vm("212-555-0103", "Dev Done", 2);
    await rep.caller.callbacks.log({ prospect: { id: done.prospectId }, result: "interested", at: ago(1.5) });
    // The only voicemail is older than the 14-day window: gone cold, not awaiting.
    await vm("212-555-0104", "Olive Old", 20);

    const awaiting = await rep.caller.prospects.awaitingCallback();
    // Freshest voicemail first: Wendy's was a day ago, Casey's latest three days ago.
    expect(awaiting.items.map((p) => [p.name, p.unreturned, p.suggestedStage, p.suggestedScript?.title])).toEqual([
      ["Wendy Warm", 1, "follow-up", "Nudge"],
      ["Casey Cold", 3, "last-try", "Final word"],
    ]);
    expect(awaiting.total).toBe(2);

    const listed = await rep.caller.prospects.list({ awaitingCallback: true });
    expect(listed.map((p) => p.name)).toEqual(["Casey Cold", "Wendy Warm"]);
    expect((await rep.caller.prospects.list({ minUnreturned: 2 })).map((p) => p.name)).toEqual(["Casey Cold"]);
    expect((await rep.caller.prospects.list({ awaitingCallback: false })).map((p) => p.name)).toEqual(["Dev Done", "Olive Old"]);
    expect((await rep.caller.prospects.list({ query: "(212) 555-0102" })).map((p) => p.id)).toEqual([warm.prospectId]);

    const context = await rep.caller.prospects.dialContext({ prospectId: cold.prospectId });
    expect(context).toMatchObject({ voicemails: 3, unreturned: 3, nextVoicemailNumber: 4, suggestedStage: "last-try" });
    const rendered = context.rendered.find((r) => r.scriptId === context.suggestion?.scriptId);
    expect(rendered?.text).toBe(`Final word: hi Casey at Acme, it's ${rep.user.name}.`);
  });

  it("suggests a first touch for a new prospect, rendered with the typed name", async () => {
    const { rep, opener } = await setup();
    const context = await rep.caller.prospects.dialContext({ name: "Jordan Avery", company: "Northwind" });
    expect(context).toMatchObject({ prospectId: null, nextVoicemailNumber: 1, suggestedStage: "first-touch", suggestion: { scriptId: opener.id, reason: "stage" } });
    expect(context.rendered.find((r) => r.scriptId === opener.id)?.text).toBe(`Opener: hi Jordan at Northwind, it's ${rep.user.name}.`);
  });

  it("filters by owner and status", async () => {
    const { team, rep } = await setup();
    const a = await rep.caller.attempts.log({ prospect: { name: "Rep's Prospect", phone: "212-555-0101" }, outcome: "no-message", at: ago(1) });
    await team.owner.caller.attempts.log({ prospect: { name: "Owner's Prospect", phone: "212-555-0102" }, outcome: "no-message", at: ago(1) });
    await rep.caller.prospects.update({ id: a.prospectId, status: "engaged" });
    expect((await rep.caller.prospects.list({ ownerId: rep.user.id })).map((p) => p.name)).toEqual(["Rep's Prospect"]);
    expect((await rep.caller.prospects.list({ status: "engaged" })).map((p) => p.name)).toEqual(["Rep's Prospect"]);
    expect((await rep.caller.prospects.list({ status: "open" })).map((p) => p.name)).toEqual(["Owner's Prospect"]);
  });
});

describe("the prospect page", () => {
  it("shows a timeline of attempts and callbacks with who, script and time to callback", async () => {
    const { rep, opener } = await setup();
    const vm = await rep.caller.attempts.log({ prospect: { name: "Pat Lee", phone: "516-541-8160" }, outcome: "voicemail", scriptId: opener.id, at: ago(2) });
    await rep.caller.callbacks.log({ prospect: { id: vm.prospectId }, result: "appointment", at: new Date(ago(2).getTime() + 90 * 60_000) });
    const detail = await rep.caller.prospects.get({ id: vm.prospectId });
    expect(detail).toMatchObject({ name: "Pat Lee", status: "appointment", voicemails: 1, unreturned: 0 });
    expect(detail.attempts).toEqual([expect.objectContaining({ id: vm.id, repName: rep.user.name, scriptTitle: "Opener", voicemailNumber: 1, minutesToCallback: 90, canChange: true })]);
    expect(detail.callbacks).toEqual([expect.objectContaining({ result: "appointment", creditedAttemptId: vm.id, creditedVoicemailNumber: 1, creditedRepName: rep.user.name, minutesAfterVoicemail: 90 })]);
  });

  it("lets any member change the status but only managers reassign the owner, to a member", async () => {
    const { team, rep } = await setup();
    const manager = await team.join("manager", "Mia Manager");
    const colleague = await team.join("rep", "Colin Colleague");
    const outsider = (await setup()).rep;
    const { prospectId } = await rep.caller.attempts.log({ prospect: { name: "Pat Lee", phone: "516-541-8160" }, outcome: "no-message", at: ago(1) });
    await rep.caller.prospects.update({ id: prospectId, status: "closed-lost" });
    expect(await codeOf(rep.caller.prospects.update({ id: prospectId, ownerId: colleague.user.id }))).toBe("FORBIDDEN");
    expect(await codeOf(manager.caller.prospects.update({ id: prospectId, ownerId: outsider.user.id }))).toBe("NOT_FOUND");
    const moved = await manager.caller.prospects.update({ id: prospectId, ownerId: colleague.user.id });
    expect(moved).toMatchObject({ ownerId: colleague.user.id, status: "closed-lost" });
  });

  it("another team's prospect is NOT_FOUND everywhere and invisible in search and lists", async () => {
    const { rep } = await setup();
    const other = await setup();
    const { prospectId } = await rep.caller.attempts.log({ prospect: { name: "Pat Lee", phone: "516-541-8160" }, outcome: "no-message", at: ago(1) });
    for (const who of [other.team.owner, other.rep]) {
      expect(await codeOf(who.caller.prospects.get({ id: prospectId }))).toBe("NOT_FOUND");
      expect(await codeOf(who.caller.prospects.update({ id: prospectId, status: "engaged" }))).toBe("NOT_FOUND");
      expect(await codeOf(who.caller.prospects.dialContext({ prospectId }))).toBe("NOT_FOUND");
      expect(await codeOf(who.caller.attempts.log({ prospect: { id: prospectId }, outcome: "no-message" }))).toBe("NOT_FOUND");
      expect(await who.caller.prospects.search({ query: "Pat" })).toEqual([]);
      expect(await who.caller.prospects.list({ query: "516-541-8160" })).toEqual([]);
    }
    expect(await db.select({ status: prospect.status }).from(prospect).where(eq(prospect.id, prospectId)).get()).toEqual({ status: "open" });
  });
});
