import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { member } from "@/db/schema";
import type { Actor } from "@/server/services/actor";
import { importCalls } from "@/server/services/call-imports";
import { verifyDatabase } from "@/server/services/verify";
import { makeTeam, openTestDatabase } from "@/tests/support/fixtures";
import { BENCH_CALL_REPS, CALL_EXPORT_SOURCES, generateCallExport } from "./generate-call-exports";

// The bench's generated exports import as they are: the source is recognised from the header,
// every rep resolves, and the counts are the ones the generator meant (History issue, 100k rows).
const db = await openTestDatabase();

describe("generated call exports", () => {
  it.each(CALL_EXPORT_SOURCES)("a %s export of 200 rows imports with no error and the counts it was made with", async (source) => {
    const team = await makeTeam(db, `Export ${source}`);
    const reps = [];
    for (const rep of BENCH_CALL_REPS) {
      const joined = await team.join("rep", rep.name);
      await db.update(member).set({ phone: rep.phone }).where(eq(member.userId, joined.user.id)).run();
      reps.push({ ...rep, email: joined.user.email });
    }
    const made = generateCallExport(source, 200, reps);
    const owner: Actor = { userId: team.owner.user.id, teamId: team.id, role: "owner" };
    const summary = await importCalls(db, owner, made.csv, { repMap: made.repMap ?? undefined });
    expect(summary).toMatchObject({
      source,
      written: true,
      rows: 200,
      dials: made.expected.dials,
      callbacks: made.expected.callbacks,
      alreadyImported: 0,
      errors: [],
      unresolvedReps: [],
      created: { prospects: made.expected.prospects },
    });
    expect(summary.skipped).toHaveLength(made.expected.skipped);
    expect(made.expected.callbacks + made.expected.skipped).toBeGreaterThan(0);
    if (source !== "pipedrive") expect(made.expected.callbacks).toBeGreaterThan(0);
    expect((await verifyDatabase(db)).differences).toEqual([]);
  });

  it("gives the same file for the same arguments", () => {
    expect(generateCallExport("twilio", 50).csv).toBe(generateCallExport("twilio", 50).csv);
  });
});
