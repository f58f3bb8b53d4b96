import { getErrorShape, TRPCError } from "@trpc/server";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { sqliteConnection, type Db } from "@/db/client";
import { MAX_IMPORT_CHARS } from "@/lib/inputs/imports";
import { appRouter } from "@/server/routers/_app";
import { createInnerContext } from "@/server/trpc";
import { openTestDatabase } from "@/tests/support/fixtures";
import { allProcedures, callPath, databaseDigest, outcomeOf, twoTeams, type OwnTeam } from "@/tests/support/trust";
import { VALID_INPUTS } from "@/tests/support/valid-inputs";

// Hostile input, thrown at every procedure of the router by fast-check: wrong types, strings far
// over the limits, control characters, impossible dates, negative and non-integer numbers, unknown
// enum values, markup and script in text. Each generated input is either a whole wrong value or a
// valid input (tests/support/valid-inputs.ts) with one field corrupted, removed or added, so the
// corruption reaches the rule behind each field. Team B's owner calls — the role that passes every
// door. A refusal must be BAD_REQUEST with a message a person can read, or NOT_FOUND, FORBIDDEN,
// CONFLICT or TOO_MANY_REQUESTS; never INTERNAL_SERVER_ERROR; and a refused call writes nothing. Accepted inputs are
// kept, so what they stored is read back by every query at the end. The seed is fixed so CI
// sees the same inputs every run; HOSTILE_SEED=<n> explores others.

const RUNS_PER_PROCEDURE = 50;
// TOO_MANY_REQUESTS: the flood limits (invites an hour, teams a day) are reached by the runs themselves.
const REFUSALS = ["BAD_REQUEST", "NOT_FOUND", "FORBIDDEN", "CONFLICT", "TOO_MANY_REQUESTS"];

const impossibleDates = fc.constantFrom<unknown>(
  "2025-02-30",
  "2025-02-29T10:00:00Z",
  "2025-04-31T09:00:00-05:00",
  "2025-13-01",
  "2025-00-10",
  "0000-01-01",
  "1970-01-01T00:00:00Z",
  "+275760-09-13T00:00:00Z",
  "-001000-01-01T00:00:00Z",
  "31/02/2025",
  "Feb 30 2025",
  "tomorrow",
  "",
  new Date(Number.NaN),
  new Date(8.64e15),
  new Date(-8.64e15),
  new Date("2999-01-01T00:00:00Z"),
);

const badNumbers = fc.oneof(
  fc.integer({ max: -1 }),
  fc.double({ max: -1e-6, noNaN: true }),
  fc.constantFrom<unknown>(0, -0, 0.5, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 53, Number.MAX_VALUE, 2 ** 31, "12", "1e3"),
);

const unknownEnums = fc.constantFrom<unknown>("vm", "VOICEMAIL", "Voicemail ", "admin", "superuser", "first touch", "owner\u0000", "4", "5+", "week ", "");

const markup = fc.constantFrom<unknown>(
  "<img src=x onerror=alert(1)>",
  "<script>alert(document.cookie)</script>",
  "javascript:alert(1)",
  "\"><svg onload=alert(1)>",
  "' OR 1=1 --",
  "'); DROP TABLE attempt; --",
  "=HYPERLINK(\"http://evil.test\",\"x\")",
  "{{constructor.constructor('alert(1)')()}}",
  "{prospect.name}{",
  "{rep.nam}",
  "%_\\",
  "\u202Eevil\u202C",
  "\uD800",
);

const controlText = fc
  .array(fc.integer({ min: 0, max: 31 }), { minLength: 1, maxLength: 5 })
  .chain((codes) => fc.string({ maxLength: 20 }).map((s) => `${s}${String.fromCharCode(...codes)}${s}`));

const hugeText = fc.oneof(
  fc.integer({ min: 5_001, max: 200_000 }).map((n) => "x".repeat(n)),
  fc.integer({ min: 1_000, max: 50_000 }).map((n) => "{".repeat(n)),
  fc.integer({ min: 2_001, max: 20_000 }).map((n) => `${"<b>".repeat(n)}`),
);

const wrongTypes = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, [], {}, [1, 2, 3], { id: 1 }),
  fc.integer(),
  fc.string({ maxLength: 12 }),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 4 }),
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(impossibleDates, badNumbers, unknownEnums, markup, controlText, hugeText, wrongTypes);

/** Every property path of a plain value, nested objects and arrays included. */
function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== "object" || value instanceof Date) return prefix.length ? [prefix] : [];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [...(prefix.length ? [prefix] : []), ...entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k]))];
}

function withValue(value: unknown, path: (string | number)[], replacement: unknown, remove = false): unknown {
  if (!path.length) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path;
  if (remove && !rest.length) delete copy[head];
  else copy[head] = withValue(copy[head], rest, replacement, remove);
  return copy;
}

/** A valid input with one field corrupted, removed, or joined by an unexpected one; or a wholly wrong value. */
function hostileInputFor(valid: unknown): fc.Arbitrary<unknown> {
  const paths = leafPaths(valid);
  const whole = fc.oneof(hostileValue, fc.anything({ maxDepth: 2 }));
  if (!paths.length) return whole;
  const path = fc.constantFrom(...paths);
  return fc.oneof(
    { arbitrary: fc.tuple(path, hostileValue).map(([p, v]) => withValue(valid, p, v)), weight: 6 },
    { arbitrary: path.map((p) => withValue(valid, p, undefined, true)), weight: 1 },
    { arbitrary: fc.tuple(fc.constantFrom("teamId", "team_id", "organizationId", "__proto__", "role", "userId"), hostileValue).map(([k, v]) => ({ ...(valid as object), [k]: v })), weight: 1 },
    { arbitrary: whole, weight: 2 },
  );
}

const describeInput = (input: unknown) => {
  const text = JSON.stringify(input, (_k, v) => (typeof v === "string" && v.length > 80 ? `${v.slice(0, 40)}…(${v.length} chars)` : v));
  return text === undefined ? String(input) : text.slice(0, 400);
};

const valueAt = (value: unknown, path: (string | number)[]) => path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value);

/** What no field may hold: each refused with BAD_REQUEST wherever its kind of field appears. */
const IMPOSSIBLE_DATES: unknown[] = [
  "2025-02-30",
  "2025-02-29T10:00:00Z",
  "2025-04-31T09:00:00-05:00",
  "2025-13-01",
  "1970-01-01T00:00:00Z",
  "+275760-09-13T00:00:00Z",
  "Feb 30 2025",
  null,
  true,
  [2025],
  0,
  new Date(Number.NaN),
  new Date(8.64e15),
  new Date("1999-12-31T23:59:59Z"),
];
const NEGATIVE_OR_FRACTIONAL: unknown[] = [-1, -600, 0.5, Number.NaN, Number.POSITIVE_INFINITY, "12"];
const overLimit = (key: string) => "x".repeat(key === "csv" ? MAX_IMPORT_CHARS + 1 : 100_001);
/** Fields whose text a mutation stores and pages show to people. */
const STORED_TEXT = ["notes", "name", "title", "company", "body", "comment"];
const ENUM_FIELDS = ["outcome", "result", "role", "stage", "status", "by", "range", "attempt", "view", "sort", "kind"];

/** SQLite's own change counter; PostgreSQL has no synchronous one, so there every table is hashed. */
const changesSoFar = async (db: Db): Promise<unknown> =>
  db.$engine === "sqlite" ? (sqliteConnection(db).prepare("select total_changes() as n").get() as { n: number }).n : JSON.stringify(await databaseDigest(db));

let db: Db;
let b: OwnTeam;
const tally = { generated: 0, accepted: 0, targeted: 0, refused: {} as Record<string, number> };

beforeAll(async () => {
  db = await openTestDatabase();
  ({ b } = await twoTeams(db));
});

describe("hostile input", () => {
  const procedures = allProcedures();

  it("has a valid input to corrupt for every procedure", () => {
    expect(procedures.map((p) => p.path).filter((p) => !(p in VALID_INPUTS))).toEqual([]);
  });

  it.each(procedures)("$path ($type) refuses malformed input cleanly and writes nothing when it refuses", async ({ path, type }) => {
    const valid = VALID_INPUTS[path](b);
    await fc.assert(
      fc.asyncProperty(hostileInputFor(valid), async (input) => {
        tally.generated++;
        // A query must change no row at all, not even in a rolled-back transaction: SQLite's own
        // change counter says so cheaply. A mutation may write and roll back, so its tables are hashed.
        const before = type === "query" ? await changesSoFar(db) : await databaseDigest(db);
        const result = await outcomeOf(callPath(b.team.owner.caller, path, input));
        if (type === "query") expect(await changesSoFar(db), `${path} wrote for ${describeInput(input)}`).toEqual(before);
        if (result.ok) {
          tally.accepted++;
          return;
        }
        const error = result.error;
        expect(error, `${path} threw something other than a TRPCError for ${describeInput(input)}`).toBeInstanceOf(TRPCError);
        const code = (error as TRPCError).code;
        tally.refused[code] = (tally.refused[code] ?? 0) + 1;
        expect(REFUSALS, `${path} answered ${code} (${(error as Error).message.slice(0, 300)}) for ${describeInput(input)}`).toContain(code);
        // What the browser receives: the router's own error formatter turns zod issues into "field: reason".
        const shape = getErrorShape({ config: appRouter._def._config, error: error as TRPCError, type, path, input, ctx: createInnerContext({ db }) });
        expect(shape.message.length, shape.message.slice(0, 200)).toBeGreaterThan(3);
        expect(shape.message.length, shape.message.slice(0, 200)).toBeLessThan(600);
        expect(shape.message, "a message for people, not a JSON dump").not.toMatch(/^\s*[[{]/);
        if (type === "mutation") expect(await databaseDigest(db), `${path} wrote while refusing ${describeInput(input)}`).toEqual(before);
      }),
      { numRuns: RUNS_PER_PROCEDURE, seed: Number(process.env.HOSTILE_SEED ?? 20251128), endOnFailure: true },
    );
  });

  it.each(procedures)("$path refuses, field by field, every kind of value its rules exclude", async ({ path, type }) => {
    const valid = VALID_INPUTS[path](b);
    const cases = leafPaths(valid).flatMap((field) => {
      const value = valueAt(valid, field);
      const key = String(field.at(-1));
      return [
        ...(value instanceof Date ? IMPOSSIBLE_DATES : []),
        ...(typeof value === "number" ? NEGATIVE_OR_FRACTIONAL : []),
        ...(typeof value === "string" ? [overLimit(key)] : []),
        ...(typeof value === "string" && type === "mutation" && STORED_TEXT.includes(key) ? ["Hi\u0007there", "a\u0000b", "\u001b[31mred"] : []),
        ...(typeof value === "string" && ENUM_FIELDS.includes(key) ? ["vm-unknown", `${value} `.toUpperCase(), "admin"] : []),
      ].map((bad) => ({ field, bad }));
    });
    for (const { field, bad } of cases) {
      const input = withValue(valid, field, bad);
      const before = await databaseDigest(db);
      const result = await outcomeOf(callPath(b.team.owner.caller, path, input));
      tally.targeted++;
      expect(result.ok ? "accepted" : (result.error as TRPCError).code, `${path}.${field.join(".")} = ${describeInput(bad)}`).toBe("BAD_REQUEST");
      expect(await databaseDigest(db)).toEqual(before);
    }
  });

  it("leaves nothing stored that breaks a page: every query still answers its valid input", async () => {
    for (const { path } of procedures.filter((p) => p.type === "query")) {
      const result = await outcomeOf(callPath(b.team.owner.caller, path, VALID_INPUTS[path](b)));
      if (!result.ok) expect((result.error as TRPCError).code, `${path}: ${String(result.error)}`).not.toBe("INTERNAL_SERVER_ERROR");
    }
    expect(tally.generated).toBe(procedures.length * RUNS_PER_PROCEDURE);
    console.info(
      `hostile input: ${tally.generated} generated inputs over ${procedures.length} procedures (${tally.accepted} accepted, refused ${JSON.stringify(tally.refused)}); ${tally.targeted} field-by-field refusals`,
    );
  });
});
