import { and, asc, eq, like, or } from "drizzle-orm";
import { organization, prospect } from "@/db/schema";
import type { Queryable } from "@/db/types";
import { normalisePhone } from "@/server/domain/phone";
import type { Actor } from "./actor";
import { Invalid, NotFound } from "./errors";

export type ProspectRef = { id: number } | { name: string; phone: string; company?: string };

export function teamRegion(db: Queryable, teamId: string): string {
  return db.select({ region: organization.defaultRegion }).from(organization).where(eq(organization.id, teamId)).get()?.region ?? "US";
}

export function getProspect(db: Queryable, actor: Actor, id: number) {
  const row = db.select().from(prospect).where(and(eq(prospect.id, id), eq(prospect.teamId, actor.teamId))).get();
  if (!row) throw new NotFound("Prospect not found.");
  return row;
}

/** The team's prospect with this phone, created (owned by the actor) when there is none. */
export function findOrCreateProspect(db: Queryable, actor: Actor, ref: ProspectRef) {
  if ("id" in ref) return getProspect(db, actor, ref.id);
  const phone = normalisePhone(ref.phone, teamRegion(db, actor.teamId));
  if (!phone) throw new Invalid(`“${ref.phone}” is not a phone number.`);
  const existing = db.select().from(prospect).where(and(eq(prospect.teamId, actor.teamId), eq(prospect.phone, phone))).get();
  if (existing) return existing;
  return db
    .insert(prospect)
    .values({ teamId: actor.teamId, name: ref.name.trim(), company: ref.company?.trim() || null, phone, ownerId: actor.userId })
    .returning()
    .get();
}

/** Type-ahead over name, company and phone (any format: digits are matched against E.164). */
export function searchProspects(db: Queryable, actor: Actor, query: string, limit = 20) {
  const q = query.trim();
  const digits = q.replace(/\D/g, "");
  const pattern = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const conditions = [like(prospect.name, pattern), like(prospect.company, pattern)];
  if (digits.length >= 3) conditions.push(like(prospect.phone, `%${digits}%`));
  return db
    .select({ id: prospect.id, name: prospect.name, company: prospect.company, phone: prospect.phone, status: prospect.status })
    .from(prospect)
    .where(and(eq(prospect.teamId, actor.teamId), q ? or(...conditions) : undefined))
    .orderBy(asc(prospect.name))
    .limit(limit)
    .all();
}
