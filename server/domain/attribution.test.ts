import { describe, expect, it } from "vitest";
import { attemptBucket, creditCallbacks, creditFor, DAY_MS, type CallbackFact, type VoicemailFact } from "./attribution";

// Every expected value below is a hand application of DESIGN.md's rule: a callback at t is
// credited to the prospect's latest voicemail at or before t, by any rep, if within the window.

const WINDOW_DAYS = 14;
const t0 = Date.UTC(2025, 2, 3, 14, 0); // Monday 3 March 2025, 09:00 New York
const hours = (h: number) => h * 3_600_000;
const vm = (id: number, at: number): VoicemailFact => ({ id, at });
const cb = (id: number, at: number, result = "interested"): CallbackFact => ({ id, at, result });

describe("creditFor", () => {
  const cases = [
    {
      name: "callback before any voicemail → unattributed",
      voicemails: [vm(1, t0)],
      at: t0 - 1,
      expected: { reason: "no-voicemail-before" },
    },
    { name: "no voicemails at all → unattributed", voicemails: [], at: t0, expected: { reason: "no-voicemail-before" } },
    {
      name: "14 days + 1 ms after the voicemail → outside the window",
      voicemails: [vm(1, t0)],
      at: t0 + 14 * DAY_MS + 1,
      expected: { reason: "outside-window" },
    },
    {
      name: "exactly 14 days after the voicemail → credited (the edge is inside)",
      voicemails: [vm(1, t0)],
      at: t0 + 14 * DAY_MS,
      expected: { voicemailId: 1 },
    },
    { name: "at the same instant as the voicemail → credited", voicemails: [vm(1, t0)], at: t0, expected: { voicemailId: 1 } },
    {
      name: "two voicemails → the latest at or before the callback",
      voicemails: [vm(1, t0), vm(2, t0 + DAY_MS)],
      at: t0 + DAY_MS + hours(2),
      expected: { voicemailId: 2 },
    },
    {
      name: "a voicemail after the callback is ignored",
      voicemails: [vm(1, t0), vm(2, t0 + DAY_MS)],
      at: t0 + hours(2),
      expected: { voicemailId: 1 },
    },
    {
      name: "input order does not matter",
      voicemails: [vm(2, t0 + DAY_MS), vm(1, t0)],
      at: t0 + 2 * DAY_MS,
      expected: { voicemailId: 2 },
    },
    {
      name: "the latest voicemail is too old even though an older one exists → outside the window",
      voicemails: [vm(1, t0), vm(2, t0 + DAY_MS)],
      at: t0 + 16 * DAY_MS,
      expected: { reason: "outside-window" },
    },
    {
      name: "two voicemails at the same instant → the later-logged one (higher id)",
      voicemails: [vm(7, t0), vm(3, t0)],
      at: t0 + hours(1),
      expected: { voicemailId: 7 },
    },
  ];
  it.each(cases)("$name", ({ voicemails, at, expected }) => {
    expect(creditFor(voicemails, at, WINDOW_DAYS)).toEqual(expected);
  });

  it("uses the team's window, not a fixed 14 days", () => {
    expect(creditFor([vm(1, t0)], t0 + 3 * DAY_MS, 2)).toEqual({ reason: "outside-window" });
    expect(creditFor([vm(1, t0)], t0 + 3 * DAY_MS, 3)).toEqual({ voicemailId: 1 });
  });
});

type Facts = { voicemailNumber: number; returnedAt: number | null; appointment: boolean };

describe("creditCallbacks", () => {
  const cases: {
    name: string;
    voicemails: VoicemailFact[];
    callbacks: CallbackFact[];
    credits: Record<number, number | null>;
    facts: Record<number, Facts>;
  }[] = [
    {
      name: "callback before any voicemail is unattributed and returns nothing",
      voicemails: [vm(1, t0)],
      callbacks: [cb(10, t0 - hours(1))],
      credits: { 10: null },
      facts: { 1: { voicemailNumber: 1, returnedAt: null, appointment: false } },
    },
    {
      name: "callback outside the window (14 days + 1 ms) is unattributed",
      voicemails: [vm(1, t0)],
      callbacks: [cb(10, t0 + 14 * DAY_MS + 1)],
      credits: { 10: null },
      facts: { 1: { voicemailNumber: 1, returnedAt: null, appointment: false } },
    },
    {
      name: "callback exactly at the window edge is credited",
      voicemails: [vm(1, t0)],
      callbacks: [cb(10, t0 + 14 * DAY_MS)],
      credits: { 10: 1 },
      facts: { 1: { voicemailNumber: 1, returnedAt: t0 + 14 * DAY_MS, appointment: false } },
    },
    {
      // Voicemail ids 1 and 2 could have been left by two different reps: the rule never looks at
      // the rep, so the facts carry none and the credit goes to the latest voicemail regardless.
      name: "two voicemails (by two reps) → the latest at or before the callback is credited",
      voicemails: [vm(1, t0), vm(2, t0 + DAY_MS)],
      callbacks: [cb(10, t0 + DAY_MS + hours(3))],
      credits: { 10: 2 },
      facts: {
        1: { voicemailNumber: 1, returnedAt: null, appointment: false },
        2: { voicemailNumber: 2, returnedAt: t0 + DAY_MS + hours(3), appointment: false },
      },
    },
    {
      name: "two callbacks for one voicemail → returnedAt is the earliest, the voicemail is returned once",
      voicemails: [vm(1, t0)],
      callbacks: [cb(11, t0 + hours(5)), cb(10, t0 + hours(2))],
      credits: { 10: 1, 11: 1 },
      facts: { 1: { voicemailNumber: 1, returnedAt: t0 + hours(2), appointment: false } },
    },
    {
      name: "an appointment callback sets the appointment flag",
      voicemails: [vm(1, t0)],
      callbacks: [cb(10, t0 + hours(1), "interested"), cb(11, t0 + hours(4), "appointment")],
      credits: { 10: 1, 11: 1 },
      facts: { 1: { voicemailNumber: 1, returnedAt: t0 + hours(1), appointment: true } },
    },
    {
      name: "an unattributed appointment flags no voicemail",
      voicemails: [vm(1, t0)],
      callbacks: [cb(10, t0 - hours(1), "appointment")],
      credits: { 10: null },
      facts: { 1: { voicemailNumber: 1, returnedAt: null, appointment: false } },
    },
    {
      name: "voicemail numbers are ordinals by time, whatever the ids or input order",
      voicemails: [vm(9, t0 + 2 * DAY_MS), vm(4, t0), vm(6, t0 + 3 * DAY_MS), vm(2, t0 + DAY_MS), vm(5, t0 + 4 * DAY_MS)],
      callbacks: [],
      credits: {},
      facts: {
        4: { voicemailNumber: 1, returnedAt: null, appointment: false },
        2: { voicemailNumber: 2, returnedAt: null, appointment: false },
        9: { voicemailNumber: 3, returnedAt: null, appointment: false },
        6: { voicemailNumber: 4, returnedAt: null, appointment: false },
        5: { voicemailNumber: 5, returnedAt: null, appointment: false },
      },
    },
  ];

  it.each(cases)("$name", ({ voicemails, callbacks, credits, facts }) => {
    const result = creditCallbacks(voicemails, callbacks, WINDOW_DAYS);
    expect(Object.fromEntries(result.credits)).toEqual(credits);
    expect(Object.fromEntries(result.voicemails)).toEqual(facts);
  });

  // Edits and deletions: services re-run the rule on the prospect's current facts, so an edit is
  // "the same inputs with one fact changed" and must give the credit the new facts imply.
  const voicemails = [vm(1, t0), vm(2, t0 + DAY_MS)];
  const callbackAt = t0 + DAY_MS + hours(2);

  it("moves credit to the earlier voicemail when the callback is edited to an earlier time", () => {
    const before = creditCallbacks(voicemails, [cb(10, callbackAt)], WINDOW_DAYS);
    expect(before.credits.get(10)).toBe(2);
    const after = creditCallbacks(voicemails, [cb(10, t0 + hours(2))], WINDOW_DAYS);
    expect(after.credits.get(10)).toBe(1);
    expect(after.voicemails.get(1)?.returnedAt).toBe(t0 + hours(2));
    expect(after.voicemails.get(2)?.returnedAt).toBeNull();
  });

  it("moves credit to the previous voicemail when the credited one is removed, and renumbers", () => {
    const after = creditCallbacks([vm(1, t0)], [cb(10, callbackAt)], WINDOW_DAYS);
    expect(after.credits.get(10)).toBe(1);
    expect(after.voicemails.get(1)).toEqual({ voicemailNumber: 1, returnedAt: callbackAt, appointment: false });
    expect(after.voicemails.has(2)).toBe(false);
  });

  it("leaves the callback unattributed when its only voicemail is removed", () => {
    const after = creditCallbacks([], [cb(10, callbackAt)], WINDOW_DAYS);
    expect(after.credits.get(10)).toBeNull();
  });
});

describe("attemptBucket", () => {
  const cases = [
    { voicemailNumber: 1, expected: "1" },
    { voicemailNumber: 2, expected: "2" },
    { voicemailNumber: 3, expected: "3" },
    { voicemailNumber: 4, expected: "4+" },
    { voicemailNumber: 11, expected: "4+" },
  ];
  it.each(cases)("voicemail $voicemailNumber → $expected (DESIGN.md: 1st, 2nd, 3rd, 4+)", ({ voicemailNumber, expected }) => {
    expect(attemptBucket(voicemailNumber)).toBe(expected);
  });
});
