import { describe, expect, it } from "vitest";
import { suggestedStage, suggestScript, unreturnedInARow, type PickableScript } from "./next-voicemail";

// Source for the stage rule: issue 3 ("a last-try script after 3 or more unreturned voicemails,
// else a follow-up") and its brief (first touch for the 1st voicemail, follow-up for the 2nd–3rd,
// last try for the 4th on).
describe("suggestedStage", () => {
  it.each([
    { next: 1, unreturned: 0, stage: "first-touch" },
    { next: 2, unreturned: 1, stage: "follow-up" },
    { next: 3, unreturned: 2, stage: "follow-up" },
    { next: 4, unreturned: 0, stage: "last-try" },
    { next: 9, unreturned: 1, stage: "last-try" },
    // Three in a row unreturned: last try even when earlier callbacks kept the number low.
    { next: 3, unreturned: 3, stage: "last-try" },
  ])("voicemail #$next after $unreturned unreturned → $stage", ({ next, unreturned, stage }) => {
    expect(suggestedStage(next, unreturned)).toBe(stage);
  });
});

const script = (id: number, title: string, stage: PickableScript["stage"], teamPick = false): PickableScript => ({ id, title, stage, teamPick });

describe("suggestScript", () => {
  const library = [script(1, "Opener B", "first-touch"), script(2, "Opener A", "first-touch"), script(3, "Nudge", "follow-up", true), script(4, "Nudge two", "follow-up"), script(5, "Anything", "any")];
  it.each([
    { name: "alphabetical within the stage", stage: "first-touch", last: null, want: { scriptId: 2, reason: "stage" } },
    { name: "the rep's last used when of the stage", stage: "first-touch", last: 1, want: { scriptId: 1, reason: "stage" } },
    { name: "the team pick before the rep's last used", stage: "follow-up", last: 4, want: { scriptId: 3, reason: "stage" } },
    { name: "an any-stage script when the stage has none", stage: "last-try", last: 1, want: { scriptId: 5, reason: "any-stage" } },
  ] as const)("$name", ({ stage, last, want }) => {
    expect(suggestScript(library, stage, last)).toEqual(want);
  });

  it("falls back to the rep's last used, then to nothing", () => {
    const firstOnly = [script(1, "Opener", "first-touch")];
    expect(suggestScript(firstOnly, "last-try", 1)).toEqual({ scriptId: 1, reason: "last-used" });
    expect(suggestScript(firstOnly, "last-try", null)).toBeNull();
    expect(suggestScript([], "first-touch", 7)).toBeNull();
  });
});

describe("unreturnedInARow", () => {
  it.each([
    { name: "no callback: every voicemail", times: [1, 2, 3], lastCallback: null, lastConnect: null, want: 3 },
    { name: "only those after the last callback", times: [1, 2, 3, 4], lastCallback: 2, lastConnect: null, want: 2 },
    { name: "a callback after all of them", times: [1, 2], lastCallback: 5, lastConnect: null, want: 0 },
    // The prospect: four voicemails, then the rep spoke to them — the run is over.
    { name: "a connect after all of them ends the run too", times: [1, 2, 3, 4], lastCallback: null, lastConnect: 5, want: 0 },
    { name: "only those after the later of the two", times: [1, 2, 3, 4, 6], lastCallback: 2, lastConnect: 5, want: 1 },
    { name: "a callback later than the connect", times: [1, 3, 5, 6], lastCallback: 4, lastConnect: 2, want: 2 },
  ])("$name", ({ times, lastCallback, lastConnect, want }) => {
    expect(unreturnedInARow(times, { lastCallbackAt: lastCallback, lastConnectAt: lastConnect })).toBe(want);
  });
});
