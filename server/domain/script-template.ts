// Script bodies with placeholders (DESIGN.md, Script). An unknown or malformed placeholder is a
// validation error, never silent text.

export const PLACEHOLDERS = ["prospect.firstName", "prospect.name", "prospect.company", "rep.name", "rep.phone"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Partial<Record<Placeholder, string | null | undefined>>;

export type TemplateProblem = { index: number; text: string; message: string };
export type TemplatePart = { kind: "text"; text: string } | { kind: "placeholder"; name: Placeholder };

const KNOWN = new Set<string>(PLACEHOLDERS);

/** Splits a body into text and placeholders, collecting every problem with its position. */
export function parseTemplate(body: string): { parts: TemplatePart[]; problems: TemplateProblem[] } {
  const parts: TemplatePart[] = [];
  const problems: TemplateProblem[] = [];
  let text = "";
  let i = 0;
  while (i < body.length) {
    const ch = body[i];
    if (ch === "{") {
      const close = body.indexOf("}", i + 1);
      const nextOpen = body.indexOf("{", i + 1);
      if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
        problems.push({ index: i, text: "{", message: "A “{” is never closed." });
        text += ch;
        i++;
        continue;
      }
      const inner = body.slice(i + 1, close).trim();
      if (KNOWN.has(inner)) {
        if (text) parts.push({ kind: "text", text });
        text = "";
        parts.push({ kind: "placeholder", name: inner as Placeholder });
      } else {
        problems.push({
          index: i,
          text: body.slice(i, close + 1),
          message: `Unknown placeholder ${body.slice(i, close + 1)}. Use one of ${PLACEHOLDERS.map((p) => `{${p}}`).join(", ")}.`,
        });
        text += body.slice(i, close + 1);
      }
      i = close + 1;
      continue;
    }
    if (ch === "}") problems.push({ index: i, text: "}", message: "A “}” has no matching “{”." });
    text += ch;
    i++;
  }
  if (text) parts.push({ kind: "text", text });
  return { parts, problems };
}

/** The placeholders a body uses that these values leave empty, each once, in order of first use. */
export function unfilledPlaceholders(body: string, values: TemplateValues): Placeholder[] {
  const missing = parseTemplate(body).parts.flatMap((p) => (p.kind === "placeholder" && !values[p.name]?.trim() ? [p.name] : []));
  return [...new Set(missing)];
}

/** Fills the placeholders; a missing value renders as a visible marker rather than nothing. */
export function renderScript(body: string, values: TemplateValues): string {
  return parseTemplate(body)
    .parts.map((p) => (p.kind === "text" ? p.text : values[p.name]?.trim() || `[${p.name}]`))
    .join("");
}

export const firstName = (fullName: string) => fullName.trim().split(/\s+/)[0] ?? "";

/** Words as spoken: placeholders count as the words they will become (a name ≈ 1–2 words). */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Estimated seconds to read `words` at `wordsPerMinute`. */
export function readSeconds(words: number, wordsPerMinute: number): number {
  return Math.round((words / wordsPerMinute) * 60);
}

/** A sample prospect for previews, so word counts and read time reflect real names. */
export const SAMPLE_VALUES: TemplateValues = {
  "prospect.firstName": "Jordan",
  "prospect.name": "Jordan Avery",
  "prospect.company": "Northwind Logistics",
  "rep.name": "Sam Carter",
  "rep.phone": "+1 516 541 8160",
};
