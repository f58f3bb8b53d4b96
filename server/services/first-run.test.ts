import { describe, expect, it } from "vitest";
import { makeTeam, openTestDatabase } from "@/tests/support/fixtures";

// Issue 12, item 18: a new team's checklist reads what the team has, so it empties by itself.
const db = await openTestDatabase();
const open = (steps: { key: string; done: boolean }[]) => steps.filter((s) => !s.done).map((s) => s.key);

describe("first-run steps", () => {
  it("tick off as the team writes a script, sets a phone, invites and logs, and reps see only their own", async () => {
    const team = await makeTeam(db, "Fresh Team");
    const owner = team.owner.caller;
    expect(open(await owner.firstRun.steps())).toEqual(["script", "phone", "invite", "import"]);

    const script = await owner.scripts.create({ title: "Opener", stage: "first-touch", body: "Hi {prospect.firstName}.", shared: true });
    await owner.profile.update({ name: "Fresh Owner", phone: "212-555-0147", wordsPerMinute: null });
    expect(open(await owner.firstRun.steps())).toEqual(["invite", "import"]);

    await owner.teams.invite({ email: "new.rep@example.test", role: "rep" });
    await owner.attempts.log({ prospect: { name: "Ada Park", phone: "212-555-0100" }, outcome: "voicemail", scriptId: script.id });
    expect(open(await owner.firstRun.steps())).toEqual([]);

    // A rep joining later: the shared script counts, their own phone does not exist yet.
    const rep = await team.join("rep", "Rae Rep");
    expect((await rep.caller.firstRun.steps()).map((s) => s.key)).toEqual(["script", "phone"]);
    expect(open(await rep.caller.firstRun.steps())).toEqual(["phone"]);
  });

  it("does not count another team's rows", async () => {
    const busy = await makeTeam(db, "Busy Team");
    await busy.owner.caller.scripts.create({ title: "Theirs", stage: "first-touch", body: "Hi.", shared: true });
    await busy.join("rep", "Their Rep");
    const fresh = await makeTeam(db, "Another Fresh Team");
    expect(open(await fresh.owner.caller.firstRun.steps())).toEqual(["script", "phone", "invite", "import"]);
  });
});
