import { describe, expect, it } from "vitest";
import { makeTeam, openTestDatabase } from "@/tests/support/fixtures";

// The notice on a rep's open Today (issue 14): callbacks someone else logged that were credited
// to the rep's voicemails, after the cursor fixed when Today opened.
const db = await openTestDatabase();

describe("callbacks credited to me", () => {
  it("names the prospect, the voicemail number and the script for a teammate's callback, not the rep's own nor another rep's", async () => {
    const team = await makeTeam(db, "Notices");
    const dana = await team.join("rep", "Dana Rep");
    const ravi = await team.join("rep", "Ravi Rep");
    const opener = await team.owner.caller.scripts.create({ title: "Opener", stage: "first-touch", body: "Hi {prospect.firstName}." });
    const lastTry = await team.owner.caller.scripts.create({ title: "Last try", stage: "last-try", body: "Last try, {prospect.firstName}." });
    const first = await dana.caller.attempts.log({ prospect: { name: "Dana Whitfield", phone: "516-541-8160" }, outcome: "voicemail", scriptId: opener.id, at: new Date(Date.now() - 3 * 3_600_000) });
    await dana.caller.attempts.log({ prospect: { id: first.prospectId }, outcome: "voicemail", scriptId: lastTry.id, at: new Date(Date.now() - 3_600_000) });
    const ravis = await ravi.caller.attempts.log({ prospect: { name: "Other Prospect", phone: "516-541-8161" }, outcome: "voicemail", scriptId: opener.id, at: new Date(Date.now() - 3_600_000) });

    const cursor = await dana.caller.live.callbackCursor();
    expect(await dana.caller.live.creditedToMe({ afterId: cursor })).toEqual([]);

    await team.owner.caller.callbacks.log({ prospect: { id: first.prospectId }, result: "interested" });
    await team.owner.caller.callbacks.log({ prospect: { id: ravis.prospectId }, result: "interested" });
    const own = await dana.caller.callbacks.log({ prospect: { id: first.prospectId }, result: "other" });

    const notices = await dana.caller.live.creditedToMe({ afterId: cursor });
    expect(notices).toEqual([{ id: expect.any(Number), prospectName: "Dana Whitfield", voicemailNumber: 2, scriptTitle: "Last try" }]);
    expect(notices.map((n) => n.id)).not.toContain(own.id);
    expect(await ravi.caller.live.creditedToMe({ afterId: cursor })).toMatchObject([{ prospectName: "Other Prospect", voicemailNumber: 1, scriptTitle: "Opener" }]);
    expect(await team.owner.caller.live.creditedToMe({ afterId: cursor })).toEqual([]);
  });
});
