import { describe, expect, it } from "vitest";
import { codeOf, makeTeam, openTestDatabase } from "@/tests/support/fixtures";
import { addMember } from "./teams";

// Issue 12, item 9: every member sets the name, phone and speaking rate their scripts read.
const db = await openTestDatabase();

describe("profile", () => {
  it("saves name, phone and speaking rate, and the script preview reads them", async () => {
    const team = await makeTeam(db, "Profile Team");
    const rep = await team.join("rep", "Ray Rep");
    expect(await rep.caller.profile.get()).toMatchObject({ name: "Ray Rep", phone: null, wordsPerMinute: null, teamWordsPerMinute: 150 });
    expect((await rep.caller.scripts.preview({ body: "{rep.name} on {rep.phone}" })).unfilled).toEqual(["rep.phone"]);

    const saved = await rep.caller.profile.update({ name: "Raymond Rep", phone: "(516) 541-8160", wordsPerMinute: 120 });
    expect(saved).toMatchObject({ name: "Raymond Rep", phone: "+15165418160", wordsPerMinute: 120 });
    const preview = await rep.caller.scripts.preview({ body: "{rep.name} on {rep.phone}" });
    expect(preview).toMatchObject({ rendered: "Raymond Rep on +1 516 541 8160", unfilled: [], wordsPerMinute: 120 });
    const members = await team.owner.caller.teams.members();
    expect(members.find((m) => m.userId === rep.user.id)).toMatchObject({ name: "Raymond Rep", phone: "+15165418160", wordsPerMinute: 120 });

    // An empty phone and no rate clear them: the team's default rate applies again.
    await rep.caller.profile.update({ name: "Raymond Rep", phone: "", wordsPerMinute: null });
    expect(await rep.caller.profile.get()).toMatchObject({ phone: null, wordsPerMinute: null });
    expect((await rep.caller.scripts.preview({ body: "one" })).wordsPerMinute).toBe(150);
  });

  it("refuses a number that cannot be a phone and an out-of-range rate, changing nothing", async () => {
    const team = await makeTeam(db, "Bad Profile");
    const rep = await team.join("rep", "Bea Bad");
    await rep.caller.profile.update({ name: "Bea Bad", phone: "516-541-8160", wordsPerMinute: 140 });
    expect(await codeOf(rep.caller.profile.update({ name: "Bea Worse", phone: "12", wordsPerMinute: 140 }))).toBe("BAD_REQUEST");
    expect(await codeOf(rep.caller.profile.update({ name: "Bea Worse", phone: "not a phone at all", wordsPerMinute: 140 }))).toBe("BAD_REQUEST");
    expect(await codeOf(rep.caller.profile.update({ name: "Bea Worse", phone: "", wordsPerMinute: 20 }))).toBe("BAD_REQUEST");
    expect(await rep.caller.profile.get()).toMatchObject({ name: "Bea Bad", phone: "+15165418160", wordsPerMinute: 140 });
  });

  it("keeps the phone per team: a rep in two teams sets each one apart", async () => {
    const first = await makeTeam(db, "First Team");
    const second = await makeTeam(db, "Second Team");
    const rep = await first.join("rep", "Two Teams");
    await addMember(db, second.id, rep.user.id, "rep");
    await rep.caller.profile.update({ name: "Two Teams", phone: "212-555-0147", wordsPerMinute: null });
    const inSecond = (await second.owner.caller.teams.members()).find((m) => m.userId === rep.user.id);
    expect(inSecond?.phone).toBeNull();
  });
});
