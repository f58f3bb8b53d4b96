import { describe, expect, it } from "vitest";
import { displayLink } from "@/db/schema";
import { displayActor, displayLinkByToken } from "@/server/services/display-links";
import { leaderboard } from "@/server/services/stats";
import { makeTeam, openTestDatabase } from "@/tests/support/fixtures";

// Sales floor display links (issue 14): the token opens the team's board until revoked, is
// stored only as a hash, and reads the board as nobody of the team.
const db = await openTestDatabase();

const tokenOf = (path: string) => path.split("/").pop()!;

describe("display links", () => {
  it("opens the team's board by token, stores only a hash, and is refused once revoked", async () => {
    const team = await makeTeam(db, "Floor");
    const manager = await team.join("manager", "Mona Manager");
    const made = await manager.caller.displayLinks.create({ name: "Lobby TV" });
    const token = tokenOf(made.path);
    expect(token.length).toBeGreaterThanOrEqual(32);
    const stored = await db.select().from(displayLink).all();
    expect(JSON.stringify(stored)).not.toContain(token);

    expect(await displayLinkByToken(db, token)).toEqual({ state: "open", id: made.id, teamId: team.id, teamName: "Floor", name: "Lobby TV" });
    expect(await displayLinkByToken(db, `${token}x`)).toEqual({ state: "unknown" });
    expect(await manager.caller.displayLinks.list()).toMatchObject([{ id: made.id, name: "Lobby TV", createdBy: "Mona Manager" }]);

    await team.owner.caller.displayLinks.revoke({ id: made.id });
    expect(await displayLinkByToken(db, token)).toEqual({ state: "revoked" });
    expect(await manager.caller.displayLinks.list()).toEqual([]);
    await expect(manager.caller.displayLinks.revoke({ id: made.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows shared scripts on the board, never a member's private draft", async () => {
    const team = await makeTeam(db, "Floor Drafts");
    const shared = await team.owner.caller.scripts.create({ title: "Shared opener", stage: "first-touch", body: "Hi {prospect.firstName}." });
    const draft = await team.owner.caller.scripts.create({ title: "Secret draft", stage: "first-touch", body: "Psst {prospect.firstName}.", shared: false });
    for (const [i, scriptId] of [shared.id, draft.id].entries()) {
      await team.owner.caller.attempts.log({ prospect: { name: `Prospect ${i}`, phone: `516-541-900${i}` }, outcome: "voicemail", scriptId });
    }
    const made = await team.owner.caller.displayLinks.create({ name: "Wall" });
    const link = await displayLinkByToken(db, tokenOf(made.path));
    if (link.state !== "open") throw new Error(link.state);
    const board = await leaderboard(db, displayActor(link), { by: "script", range: "all" });
    expect(board.rows.map((r) => r.label)).toContain("Shared opener");
    expect(JSON.stringify(board)).not.toContain("Secret draft");
  });
});
