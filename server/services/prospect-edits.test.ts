import { describe, expect, it } from "vitest";
import { codeOf, later, makeTeam, openTestDatabase, t0 } from "@/tests/support/fixtures";

// Issue 12, item 10: anyone on the team corrects a prospect's name, phone or company, and a
// dial of an earlier day stays editable (attribution re-runs).
const db = await openTestDatabase();

describe("editing a prospect", () => {
  it("normalises a new phone, refuses one another prospect has and one that is no number", async () => {
    const team = await makeTeam(db, "Edit Team");
    const rep = await team.join("rep", "Rob Rep");
    const ada = await rep.caller.attempts.log({ prospect: { name: "Ada Park", phone: "212-555-0100" }, outcome: "no-message", at: t0 });
    await rep.caller.attempts.log({ prospect: { name: "Ben Ortiz", phone: "212-555-0101" }, outcome: "no-message", at: t0 });

    const edited = await rep.caller.prospects.update({ id: ada.prospectId, name: "Ada Parker", phone: "(646) 555-0199", company: "Parker & Co" });
    expect(edited).toMatchObject({ name: "Ada Parker", phone: "+16465550199", company: "Parker & Co" });
    expect((await rep.caller.prospects.search({ query: "646 555 0199" })).map((p) => p.name)).toEqual(["Ada Parker"]);

    expect(await codeOf(rep.caller.prospects.update({ id: ada.prospectId, phone: "212.555.0101" }))).toBe("CONFLICT");
    expect(await codeOf(rep.caller.prospects.update({ id: ada.prospectId, phone: "555" }))).toBe("BAD_REQUEST");
    expect((await rep.caller.prospects.get({ id: ada.prospectId })).phone).toBe("+16465550199");

    // Another team's prospect with the number is no conflict here, and nobody else's business.
    const other = await makeTeam(db, "Other Edit Team");
    await other.owner.caller.attempts.log({ prospect: { name: "Cleo Diaz", phone: "917-555-0123" }, outcome: "no-message", at: t0 });
    expect(await rep.caller.prospects.update({ id: ada.prospectId, phone: "917-555-0123" })).toMatchObject({ phone: "+19175550123" });
  });

  it("edits a dial logged days ago and re-credits its callback", async () => {
    const team = await makeTeam(db, "Old Dial Team");
    const script = await team.owner.caller.scripts.create({ title: "Opener", stage: "first-touch", body: "Hi {prospect.firstName}.", shared: true });
    const dial = await team.owner.caller.attempts.log({ prospect: { name: "Dee Old", phone: "212-555-0177" }, outcome: "no-message", at: t0 });
    await team.owner.caller.callbacks.log({ prospect: { id: dial.prospectId }, result: "interested", at: later(60) });
    expect((await team.owner.caller.prospects.get({ id: dial.prospectId })).callbacks[0].creditedAttemptId).toBeNull();

    await team.owner.caller.attempts.update({ id: dial.id, outcome: "voicemail", scriptId: script.id });
    const detail = await team.owner.caller.prospects.get({ id: dial.prospectId });
    expect(detail.callbacks[0].creditedAttemptId).toBe(dial.id);
    expect(detail.attempts[0]).toMatchObject({ scriptId: script.id, outcome: "voicemail" });
  });
});
