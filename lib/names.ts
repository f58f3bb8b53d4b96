// The one rule for the names people are shown by (their own, a team's, a prospect's), applied by
// the forms, the procedures, the CLI and better-auth's own sign-up and update-user endpoints.
// Names are printed beside each other in lists, so a name may not carry characters that change
// how neighbouring text reads: bidirectional overrides (U+202E turned "Ann" lists around),
// zero-width characters (one let a rep take a manager's displayed name) and controls (BEL, ESC).

export const NAME_MAX_LENGTH = 120;

// Cc controls, Cf format characters (bidi controls, zero-width space/joiners, BOM, soft hyphen),
// line and paragraph separators, surrogates and private use; plus letters that render as
// nothing (Hangul fillers, the braille blank), which Unicode files as ordinary letters.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}\u115F\u1160\u3164\uFFA0\u2800]/u;

/** Why `raw` (trimmed) is not an acceptable name, or null when it is. */
export function nameProblem(raw: string): string | null {
  const trimmed = raw.trim();
  if (!trimmed) return "Required.";
  if ([...trimmed].length > NAME_MAX_LENGTH) return `At most ${NAME_MAX_LENGTH} characters.`;
  if (INVISIBLE.test(trimmed)) return "Use printable characters only (no control, direction or zero-width characters).";
  return null;
}
