const count = (n: number) => n.toLocaleString("en-US");

type Side = { title: string; returned: number; voicemails: number; allVoicemails: number };

/**
 * What a comparison with a last-try script counted: only the attempt numbers both scripts were
 * used at, with each side's counts there and what was left out, so the totals beside it are
 * never mistaken for the compared ones.
 */
export function SharedAttemptsNote({ comparison: c }: { comparison: { attemptNumbers: number[] | null; this: Side; that: Side } }) {
  const numbers = c.attemptNumbers ?? [];
  const sideText = (s: Side) =>
    `“${s.title}” ${count(s.returned)} of ${count(s.voicemails)}${s.allVoicemails > s.voicemails ? ` (of ${count(s.allVoicemails)} in all)` : ""}`;
  if (!numbers.length) {
    return <p className="text-xs text-muted">Last-try scripts meet others only at the same attempt numbers, and these two were never used at the same one.</p>;
  }
  return (
    <p className="text-xs text-muted">
      Last-try scripts meet others only at the same attempt numbers: counted on voicemail{numbers.length === 1 ? "" : "s"} #{numbers.join(", #")} only, where both
      were used — {sideText(c.this)}, {sideText(c.that)}.
    </p>
  );
}
