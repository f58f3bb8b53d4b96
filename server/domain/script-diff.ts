// Word-level difference between two versions of a script body, for the version history.
// A longest-common-subsequence over tokens (words and the whitespace between them), so a
// reworded sentence reads as "these words out, those words in" rather than a line swap.

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

const tokens = (text: string) => text.match(/\s+|[^\s]+/g) ?? [];

/** The parts that turn `before` into `after`, adjacent parts of one kind merged. */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  // lcs[i][j] = length of the longest common subsequence of a[i..] and b[j..]; bodies are at
  // most 5000 characters, so the table stays small.
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart["kind"], text: string) => {
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push("same", a[i]);
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      push("removed", a[i++]);
    } else {
      push("added", b[j++]);
    }
  }
  while (i < a.length) push("removed", a[i++]);
  while (j < b.length) push("added", b[j++]);
  return parts;
}

/** Words added and removed, for a one-line summary beside a version. */
export function diffSummary(parts: readonly DiffPart[]) {
  const count = (kind: DiffPart["kind"]) =>
    parts.filter((p) => p.kind === kind).reduce((n, p) => n + (p.text.match(/[^\s]+/g)?.length ?? 0), 0);
  return { added: count("added"), removed: count("removed") };
}
