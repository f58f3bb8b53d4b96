import { describe, expect, it } from "vitest";
import { parseTemplate, PLACEHOLDERS, readSeconds, renderScript, SAMPLE_VALUES, unfilledPlaceholders, wordCount, type TemplateValues } from "./script-template";

const values: TemplateValues = {
  "prospect.firstName": "Jordan",
  "prospect.name": "Jordan Avery",
  "prospect.company": "Northwind Logistics",
  "rep.name": "Sam Carter",
  "rep.phone": "516-541-8160",
};

describe("renderScript", () => {
  // Expected strings are the bodies with each placeholder replaced by hand (DESIGN.md, Script).
  const cases = [
    {
      name: "every known placeholder renders",
      body: "Hi {prospect.firstName} ({prospect.name}) at {prospect.company}, {rep.name} here: {rep.phone}.",
      expected: "Hi Jordan (Jordan Avery) at Northwind Logistics, Sam Carter here: 516-541-8160.",
    },
    {
      name: "a repeated placeholder renders each time",
      body: "{rep.phone}. Again, {rep.phone}.",
      expected: "516-541-8160. Again, 516-541-8160.",
    },
    {
      name: "whitespace inside the braces is allowed",
      body: "Hi { prospect.firstName }!",
      expected: "Hi Jordan!",
    },
    { name: "text without placeholders is unchanged", body: "Call me back.", expected: "Call me back." },
  ];
  it.each(cases)("$name", ({ body, expected }) => {
    expect(parseTemplate(body).problems).toEqual([]);
    expect(renderScript(body, values)).toBe(expected);
  });

  it("shows a missing or blank value as a visible marker, never as nothing", () => {
    expect(renderScript("Hi {prospect.firstName}, {rep.phone}", { "rep.phone": "  " })).toBe("Hi [prospect.firstName], [rep.phone]");
  });
});

describe("parseTemplate", () => {
  const cases = [
    {
      name: "unknown placeholder {prospect.email}",
      body: "Write to {prospect.email}",
      problems: [{ index: 9, text: "{prospect.email}", message: /Unknown placeholder \{prospect\.email\}/ }],
    },
    { name: "empty braces", body: "Hi {}", problems: [{ index: 3, text: "{}", message: /Unknown placeholder/ }] },
    {
      name: "placeholder names are case-sensitive",
      body: "{Rep.Name}",
      problems: [{ index: 0, text: "{Rep.Name}", message: /Unknown placeholder/ }],
    },
    { name: "unclosed {", body: "Hi {prospect.name", problems: [{ index: 3, text: "{", message: /never closed/ }] },
    { name: "stray }", body: "Hi } there", problems: [{ index: 3, text: "}", message: /no matching/ }] },
    {
      name: "doubled braces: the outer pair is an unclosed { and a stray }",
      body: "{{prospect.name}}",
      problems: [
        { index: 0, text: "{", message: /never closed/ },
        { index: 16, text: "}", message: /no matching/ },
      ],
    },
    {
      name: "every problem is reported, not just the first",
      body: "{rep.email} and {team.name}",
      problems: [
        { index: 0, text: "{rep.email}", message: /Unknown/ },
        { index: 16, text: "{team.name}", message: /Unknown/ },
      ],
    },
  ];
  it.each(cases)("$name is a problem", ({ body, problems }) => {
    const parsed = parseTemplate(body);
    expect(parsed.problems).toEqual(problems.map((p) => ({ ...p, message: expect.stringMatching(p.message) })));
  });

  it("keeps an unknown placeholder as text rather than dropping it", () => {
    expect(renderScript("Write to {prospect.email}", values)).toBe("Write to {prospect.email}");
  });

  it("names every known placeholder in the unknown-placeholder message", () => {
    const [problem] = parseTemplate("{prospect.email}").problems;
    for (const p of PLACEHOLDERS) expect(problem.message).toContain(`{${p}}`);
  });

  it("splits a body into text and placeholder parts", () => {
    expect(parseTemplate("Hi {prospect.firstName}, it's {rep.name}.").parts).toEqual([
      { kind: "text", text: "Hi " },
      { kind: "placeholder", name: "prospect.firstName" },
      { kind: "text", text: ", it's " },
      { kind: "placeholder", name: "rep.name" },
      { kind: "text", text: "." },
    ]);
  });
});

describe("wordCount", () => {
  // Counted by hand: a word is a whitespace-separated token with at least one letter or digit.
  const cases = [
    { text: "", expected: 0 },
    { text: "   ", expected: 0 },
    { text: "Hi there", expected: 2 },
    { text: "  Hi,\n\tthere —  friend!  ", expected: 3 },
    { text: "Call 516-541-8160 today", expected: 3 },
    { text: "it's a 24-second script", expected: 4 },
    { text: "Café Ünïcode naïve", expected: 3 },
    { text: "- – — ...", expected: 0 },
  ];
  it.each(cases)("$text → $expected", ({ text, expected }) => {
    expect(wordCount(text)).toBe(expected);
  });

  it("counts a rendered preview with the sample names (Jordan, Sam Carter, +1 516 541 8160)", () => {
    // "Hi Jordan, it's Sam Carter at +1 516 541 8160." → Hi, Jordan, it's, Sam, Carter, at, +1, 516, 541, 8160.
    expect(wordCount(renderScript("Hi {prospect.firstName}, it's {rep.name} at {rep.phone}.", SAMPLE_VALUES))).toBe(10);
  });
});

describe("readSeconds", () => {
  // seconds = words / wpm × 60, rounded; DESIGN.md's rep read a 24-second script at the default 150 wpm.
  const cases = [
    { words: 60, wpm: 150, expected: 24 },
    { words: 0, wpm: 150, expected: 0 },
    { words: 150, wpm: 150, expected: 60 },
    { words: 61, wpm: 150, expected: 24 }, // 24.4
    { words: 64, wpm: 150, expected: 26 }, // 25.6
    { words: 60, wpm: 120, expected: 30 },
  ];
  it.each(cases)("$words words at $wpm wpm → $expected s", ({ words, wpm, expected }) => {
    expect(readSeconds(words, wpm)).toBe(expected);
  });
});

describe("unfilledPlaceholders", () => {
  // Hand-worked: what a rep without a phone on file would read as “[rep.phone]”.
  const cases: [string, TemplateValues, string[]][] = [
    ["Call {rep.name} on {rep.phone}", { "rep.name": "Kim Keys", "rep.phone": null }, ["rep.phone"]],
    ["{rep.phone}, again {rep.phone}", { "rep.phone": "  " }, ["rep.phone"]],
    ["Hi {prospect.firstName}, {rep.name}", { "prospect.firstName": "Ada" }, ["rep.name"]],
    ["Hi {prospect.firstName}", { "prospect.firstName": "Ada" }, []],
    ["Write to {prospect.email}", {}, []],
  ];
  it.each(cases)("%s", (body, values, expected) => {
    expect(unfilledPlaceholders(body, values)).toEqual(expected);
  });
});
