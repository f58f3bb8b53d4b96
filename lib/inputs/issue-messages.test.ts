import { describe, expect, it } from "vitest";
import { z } from "zod";
import { logAttemptInput } from "./calls";
import { email } from "./fields";
import { createScriptInput } from "./scripts";
import { describeIssues } from "./issue-messages";

const issuesOf = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error("expected a refusal");
  return parsed.error.issues;
};

describe("plain messages instead of zod's defaults", () => {
  it.each([
    { name: "a 300-character email", schema: email, value: `${"a".repeat(290)}@example.com`, want: "At most 254 characters." },
    { name: "a missing field", schema: z.object({ title: z.string() }), value: {}, want: "Required." },
    { name: "a wrong type", schema: z.object({ n: z.number() }), value: { n: "x" }, want: "Not a valid value." },
    { name: "an unknown choice", schema: z.enum(["a", "b"]), value: "c", want: "Pick one of the choices offered." },
  ])("$name → $want", ({ schema, value, want }) => {
    expect(issuesOf(schema, value).map((i) => i.message)).toContain(want);
  });

  it("keeps a schema's own message", () => {
    expect(issuesOf(z.string().max(3, "Short, please."), "abcd")[0].message).toBe("Short, please.");
  });
});

describe("describeIssues", () => {
  it("says a repeated problem once, without paths like tags.0", () => {
    const issues = issuesOf(createScriptInput, { title: "T", stage: "any", body: "Hi.", tags: ["Bad Tag!", "x y"] });
    expect(describeIssues(issues)).toBe("Tags are lowercase words joined by dashes.");
  });

  it("names the field when the message does not", () => {
    const issues = issuesOf(logAttemptInput, { prospect: { name: "n".repeat(121), phone: "5165418160" }, outcome: "connected" });
    expect(describeIssues(issues)).toBe("Name: At most 120 characters.");
  });

  it("joins distinct problems, each with its field", () => {
    expect(
      describeIssues([
        { path: ["email"], message: "At most 254 characters." },
        { path: ["messageSeconds"], message: "At most 10 minutes." },
      ]),
    ).toBe("Email: At most 254 characters. Message length: At most 10 minutes.");
  });
});
