import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { apiKey, member } from "@/db/schema";
import { codeOf, makeTeam, openTestDatabase, type TestTeam } from "@/tests/support/fixtures";
import { authenticateApiKey, LAST_USED_RESOLUTION_MS, revokeApiKey } from "./api-keys";

let db: Db;
let team: TestTeam;
let other: TestTeam;

beforeAll(async () => {
  db = await openTestDatabase();
  team = await makeTeam(db, "Keyed Team");
  other = await makeTeam(db, "Other Team");
});

describe("team API keys", () => {
  it("stores the SHA-256 of the key, never the key, and lists it by its prefix", async () => {
    const created = await team.owner.caller.apiKeys.create({ name: "Dialer", role: "manager" });
    expect(created.key).toMatch(/^rbk_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.key.slice(0, 12));
    const stored = JSON.stringify(await db.all(sql`select * from api_key`));
    expect(stored).not.toContain(created.key.slice(12));
    const row = (await db.select().from(apiKey).where(eq(apiKey.id, created.id)).get())!;
    expect(row.keyHash).toMatch(/^[0-9a-f]{64}$/);
    const listed = await team.owner.caller.apiKeys.list();
    expect(listed).toEqual([expect.objectContaining({ id: created.id, prefix: created.prefix, name: "Dialer", role: "manager", createdByName: "Keyed Team Owner", lastUsedAt: null, revokedAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(created.key.slice(12));
  });

  it("authenticates a key as its creator in its team, with its role", async () => {
    const created = await team.owner.caller.apiKeys.create({ name: "Rep-level", role: "rep" });
    expect(await authenticateApiKey(db, created.key)).toEqual({ keyId: created.id, userId: team.owner.user.id, teamId: team.id, role: "rep" });
    expect(await authenticateApiKey(db, created.key.slice(0, -1) + (created.key.endsWith("A") ? "B" : "A"))).toBeNull();
    expect(await authenticateApiKey(db, "not-a-key")).toBeNull();
  });

  it("refuses a key above its creator's role, and refuses reps altogether", async () => {
    const manager = await team.join("manager", "Mara Keymanager");
    expect(await codeOf(manager.caller.apiKeys.create({ name: "Too high", role: "owner" }))).toBe("FORBIDDEN");
    const rep = await team.join("rep", "Reggie Keyrep");
    expect(await codeOf(rep.caller.apiKeys.create({ name: "Rep key", role: "rep" }))).toBe("FORBIDDEN");
    expect(await codeOf(rep.caller.apiKeys.list())).toBe("FORBIDDEN");
  });

  it("caps a key at its creator's current role, and refuses it once the creator has left", async () => {
    const manager = await team.join("manager", "Demoted Manager");
    const created = await manager.caller.apiKeys.create({ name: "Manager key", role: "manager" });
    expect((await authenticateApiKey(db, created.key))?.role).toBe("manager");
    await db.update(member).set({ role: "rep" }).where(eq(member.userId, manager.user.id)).run();
    expect((await authenticateApiKey(db, created.key))?.role).toBe("rep");
    await db.delete(member).where(eq(member.userId, manager.user.id)).run();
    expect(await authenticateApiKey(db, created.key)).toBeNull();
  });

  it("refuses a revoked key; revoking by prefix works and a second revoke changes nothing", async () => {
    const created = await team.owner.caller.apiKeys.create({ name: "Short-lived", role: "manager" });
    const actor = { userId: team.owner.user.id, teamId: team.id, role: "owner" as const };
    const revoked = await revokeApiKey(db, actor, { prefix: created.prefix });
    expect(revoked.id).toBe(created.id);
    expect(await authenticateApiKey(db, created.key)).toBeNull();
    expect((await team.owner.caller.apiKeys.revoke({ id: created.id })).revokedAt).toEqual(revoked.revokedAt);
  });

  it("keeps teams apart: another team can neither list nor revoke a key", async () => {
    const created = await team.owner.caller.apiKeys.create({ name: "Keyed only", role: "rep" });
    expect(JSON.stringify(await other.owner.caller.apiKeys.list())).not.toContain(created.prefix);
    expect(await codeOf(other.owner.caller.apiKeys.revoke({ id: created.id }))).toBe("NOT_FOUND");
    const actor = { userId: other.owner.user.id, teamId: other.id, role: "owner" as const };
    await expect(revokeApiKey(db, actor, { prefix: created.prefix })).rejects.toThrow("API key not found.");
    expect((await authenticateApiKey(db, created.key))?.teamId).toBe(team.id);
  });

  it("writes the last use at most once a minute", async () => {
    const created = await team.owner.caller.apiKeys.create({ name: "Busy", role: "rep" });
    const t = new Date("2026-01-01T10:00:00Z");
    const lastUsed = async () => (await db.select({ at: apiKey.lastUsedAt }).from(apiKey).where(eq(apiKey.id, created.id)).get())!.at?.getTime();
    await authenticateApiKey(db, created.key, t);
    await authenticateApiKey(db, created.key, new Date(t.getTime() + 30_000));
    expect(await lastUsed()).toBe(t.getTime());
    await authenticateApiKey(db, created.key, new Date(t.getTime() + LAST_USED_RESOLUTION_MS));
    expect(await lastUsed()).toBe(t.getTime() + LAST_USED_RESOLUTION_MS);
  });
});
