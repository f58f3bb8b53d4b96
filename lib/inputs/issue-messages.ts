import { z } from "zod";

// What a person reads when input is refused. Every schema in lib/inputs names its own rule where
// it matters; for the rest, zod's defaults ("Too big: expected string to have <=254 characters")
// are replaced here, once, for the browser's forms and the procedures alike. Imported by
// fields.ts, which every input schema builds on.

type Issue = z.core.$ZodRawIssue;

function plainMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case "too_big":
      if (issue.origin === "string") return `At most ${issue.maximum} characters.`;
      if (issue.origin === "array" || issue.origin === "set") return `At most ${issue.maximum} items.`;
      return `At most ${issue.maximum}.`;
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? "Required." : `At least ${issue.minimum} characters.`;
      if (issue.origin === "array" || issue.origin === "set") return `At least ${issue.minimum} ${Number(issue.minimum) === 1 ? "item" : "items"}.`;
      return `At least ${issue.minimum}.`;
    case "invalid_type":
      return issue.input === undefined ? "Required." : "Not a valid value.";
    case "invalid_value":
      return "Pick one of the choices offered.";
    case "invalid_format":
      return issue.format === "email" ? "Enter a valid email address." : "Not in the expected format.";
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
      return "Not a valid value.";
    case "unrecognized_keys":
      return "Unexpected fields.";
    case "not_multiple_of":
      return "Use a whole number.";
    default:
      return undefined;
  }
}

z.config({ customError: plainMessage });

const FIELD_WORDS: Record<string, string> = { tagText: "Tags", at: "Time", scriptId: "Script", messageSeconds: "Message length" };

/** A path's field as a person would name it: `prospect.name` → "Name", `tags.1` → "Tags". */
function fieldLabel(path: readonly PropertyKey[]): string | null {
  const key = [...path].reverse().find((p): p is string => typeof p === "string");
  if (!key) return null;
  if (FIELD_WORDS[key]) return FIELD_WORDS[key];
  const words = key.replace(/_/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words[0].toUpperCase() + words.slice(1);
}

/**
 * One sentence per distinct problem, each naming its field unless the message already does, and
 * never a path like `tags.0:` — what the procedures answer when their input is refused.
 */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const lines = issues.map((issue) => {
    const label = fieldLabel(issue.path);
    return label && !issue.message.toLowerCase().includes(label.toLowerCase()) ? `${label}: ${issue.message}` : issue.message;
  });
  return [...new Set(lines)].join(" ");
}
