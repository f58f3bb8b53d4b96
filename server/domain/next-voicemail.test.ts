import { describe, expect, it } from "vitest";
import { SCRIPT_NOT_RECORDED_TITLE, stageVoicemailNumbers, suggestedStage, suggestScript, unreturnedInARow, type PickableScript } from "./next-voicemail";
import { seededRandom } from "./random-source";

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

type Evidence = PickableScript["evidence"];
const none: Evidence = { voicemails: 0, returned: 0 };
const script = (id: number, title: string, stage: PickableScript["stage"], options: { teamPick?: boolean; shared?: boolean; evidence?: Evidence } = {}): PickableScript => ({
  id,
  title,
  stage,
  teamPick: options.teamPick ?? false,
  shared: options.shared ?? true,
  evidence: options.evidence ?? none,
});

/** How often each script is suggested over many draws. */
function shares(library: PickableScript[], stage: PickableScript["stage"], draws = 4000) {
  const random = seededRandom(7);
  const counts = new Map<number, number>();
  for (let i = 0; i < draws; i++) {
    const id = suggestScript(library, stage, null, random)!.scriptId;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return (id: number) => (counts.get(id) ?? 0) / draws;
}

describe("suggestScript", () => {
  // Issue 12's case: the follow-ups ranked #3 (21.7%) and #5 (12.1%), the weaker one first by title.
  const strong = script(1, "Zed follow-up", "follow-up", { evidence: { voicemails: 1000, returned: 217 } });
  const weak = script(2, "Alpha follow-up", "follow-up", { evidence: { voicemails: 1000, returned: 121 } });

  it("draws by evidence, never by title: the stronger follow-up nearly always", () => {
    const share = shares([weak, strong], "follow-up");
    expect(share(1)).toBeGreaterThan(0.99);
  });

  it("still tries a new script against a proven one (Thompson sampling explores)", () => {
    const fresh = script(3, "Brand new", "follow-up");
    const share = shares([strong, fresh], "follow-up");
    expect(share(3)).toBeGreaterThan(0.5);
    expect(share(3)).toBeLessThan(0.95);
  });

  it("lets the team pick win over any evidence", () => {
    const pick = script(4, "Picked", "follow-up", { teamPick: true, evidence: { voicemails: 500, returned: 10 } });
    expect(shares([strong, weak, pick], "follow-up")(4)).toBe(1);
  });

  it("draws among the shared scripts, a rep's drafts only when none is shared", () => {
    const draft = script(5, "My draft", "follow-up", { shared: false });
    expect(shares([strong, draft], "follow-up")(5)).toBe(0);
    expect(shares([draft], "follow-up")(5)).toBe(1);
  });

  it("never suggests the “Script not recorded” placeholder", () => {
    const placeholder = script(6, SCRIPT_NOT_RECORDED_TITLE, "any", { evidence: { voicemails: 100, returned: 90 } });
    const anything = script(7, "Anything", "any");
    expect(shares([placeholder, anything], "last-try")(6)).toBe(0);
    expect(suggestScript([placeholder], "last-try", 6, seededRandom(1))).toBeNull();
  });

  it("falls back to an any-stage script, then the rep's last used, then to nothing", () => {
    const opener = script(1, "Opener", "first-touch");
    expect(suggestScript([opener, script(5, "Anything", "any")], "last-try", 1, seededRandom(1))).toEqual({ scriptId: 5, reason: "any-stage" });
    expect(suggestScript([opener], "last-try", 1, seededRandom(1))).toEqual({ scriptId: 1, reason: "last-used" });
    expect(suggestScript([opener], "last-try", null, seededRandom(1))).toBeNull();
    expect(suggestScript([], "first-touch", 7, seededRandom(1))).toBeNull();
  });
});

describe("stageVoicemailNumbers", () => {
  it.each([
    ["first-touch", { from: 1, to: 1 }],
    ["follow-up", { from: 2, to: 3 }],
    ["last-try", { from: 4, to: null }],
  ] as const)("%s is counted at %o", (stage, band) => expect(stageVoicemailNumbers(stage)).toEqual(band));
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
