// The attribution rule (DESIGN.md): a callback from prospect P at time t is credited to P's
// latest voicemail at or before t, by any rep, if that voicemail lies within the team's
// attribution window; otherwise it is unattributed. Pure: recomputed per prospect by services.

export const DAY_MS = 86_400_000;

export type VoicemailFact = { id: number; at: number };
export type CallbackFact = { id: number; at: number; result: string };

export type Attribution = {
  /** callback id → credited voicemail id, or null when unattributed. */
  credits: Map<number, number | null>;
  /** voicemail id → its derived facts. */
  voicemails: Map<number, { voicemailNumber: number; returnedAt: number | null; appointment: boolean }>;
};

/** Why a callback would be unattributed, for the "before saving" explanation. */
export type Unattributed = "no-voicemail-before" | "outside-window";

/** The voicemail a callback at `at` is credited to, or the reason it is not. */
export function creditFor(
  voicemails: readonly VoicemailFact[],
  at: number,
  windowDays: number,
): { voicemailId: number } | { reason: Unattributed } {
  let latest: VoicemailFact | null = null;
  for (const v of voicemails) {
    if (v.at <= at && (!latest || v.at > latest.at || (v.at === latest.at && v.id > latest.id))) latest = v;
  }
  if (!latest) return { reason: "no-voicemail-before" };
  if (at - latest.at > windowDays * DAY_MS) return { reason: "outside-window" };
  return { voicemailId: latest.id };
}

/** Credits every callback of one prospect and derives each voicemail's number and returned facts. */
export function creditCallbacks(
  voicemails: readonly VoicemailFact[],
  callbacks: readonly CallbackFact[],
  windowDays: number,
): Attribution {
  const ordered = [...voicemails].sort((a, b) => a.at - b.at || a.id - b.id);
  const derived: Attribution["voicemails"] = new Map(
    ordered.map((v, i) => [v.id, { voicemailNumber: i + 1, returnedAt: null, appointment: false }]),
  );
  const credits: Attribution["credits"] = new Map();
  for (const c of callbacks) {
    const credit = creditFor(ordered, c.at, windowDays);
    const voicemailId = "voicemailId" in credit ? credit.voicemailId : null;
    credits.set(c.id, voicemailId);
    if (voicemailId === null) continue;
    const facts = derived.get(voicemailId)!;
    if (facts.returnedAt === null || c.at < facts.returnedAt) facts.returnedAt = c.at;
    if (c.result === "appointment") facts.appointment = true;
  }
  return { credits, voicemails: derived };
}

/** Attempt-number bucket used by breakdowns: 1, 2, 3, 4+. */
export function attemptBucket(voicemailNumber: number): "1" | "2" | "3" | "4+" {
  return voicemailNumber >= 4 ? "4+" : (String(voicemailNumber) as "1" | "2" | "3");
}
