import crypto from "node:crypto";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integration, member, user } from "@/db/schema";
import type { Queryable } from "@/db/types";
import type { CreateIntegrationInput, ReplaceSecretInput, WebhookProvider } from "@/lib/inputs/integrations";
import { appBaseUrl } from "@/server/app-origin";
import { isManager, type Actor } from "./actor";
import { Conflict, Forbidden, Invalid, NotFound } from "./errors";

// Telephony webhooks (Live issue): a team's integrations with Twilio, Aircall or the generic
// signed webhook. The id is the URL's unguessable part (128 random bits); the secret is never
// listed — a pasted token stays where it was pasted, a generated one is shown once, when made.

const onlyManagers = (actor: Actor) => {
  if (!isManager(actor)) throw new Forbidden("Only managers and owners manage integrations.");
};

const newIntegrationId = () => crypto.randomBytes(16).toString("base64url");
/** 256 bits, prefixed so that a leaked one is recognisable in logs and secret scanners. */
const newSigningSecret = () => `rbk_whsec_${crypto.randomBytes(32).toString("base64url")}`;

/** The path a provider posts to; the URL to paste is the app's public origin followed by it. */
export const webhookPath = (provider: WebhookProvider, id: string) => `/api/v1/webhooks/${provider}/${id}`;

/**
 * The URL the provider calls, as it calls it: Twilio signs this exact string, so it is built from
 * the configured public origin, never from the request's Host (which a proxy may rewrite).
 */
export const webhookUrl = (provider: WebhookProvider, id: string) => new URL(webhookPath(provider, id), appBaseUrl()).toString();

export type IntegrationListing = {
  id: string;
  provider: WebhookProvider;
  name: string;
  url: string;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastEventAt: Date | null;
};

const listingColumns = {
  id: integration.id,
  provider: integration.provider,
  name: integration.name,
  createdBy: user.name,
  createdAt: integration.createdAt,
  revokedAt: integration.revokedAt,
  lastEventAt: integration.lastEventAt,
};

async function listing(db: Queryable, teamId: string, id: string): Promise<IntegrationListing> {
  const row = await db
    .select(listingColumns)
    .from(integration)
    .innerJoin(user, eq(user.id, integration.createdById))
    .where(and(eq(integration.teamId, teamId), eq(integration.id, id)))
    .get();
  if (!row) throw new NotFound("Integration not found.");
  return { ...row, url: webhookUrl(row.provider, row.id) };
}

/** The team's integrations, live ones first; no secret is ever among the columns read. */
export async function listIntegrations(db: Db, actor: Actor): Promise<IntegrationListing[]> {
  onlyManagers(actor);
  const rows = await db
    .select(listingColumns)
    .from(integration)
    .innerJoin(user, eq(user.id, integration.createdById))
    .where(eq(integration.teamId, actor.teamId))
    .orderBy(desc(integration.createdAt))
    .all();
  return rows.map((r) => ({ ...r, url: webhookUrl(r.provider, r.id) })).sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null));
}

/** Creates an integration; the generic webhook's signing secret is in the answer, this once. */
export async function createIntegration(db: Db, actor: Actor, input: CreateIntegrationInput): Promise<IntegrationListing & { secret: string | null }> {
  onlyManagers(actor);
  const id = newIntegrationId();
  const generated = input.provider === "ringback" ? newSigningSecret() : null;
  const secret = input.provider === "ringback" ? generated! : input.secret;
  await db.insert(integration).values({ id, teamId: actor.teamId, provider: input.provider, name: input.name, secret, createdById: actor.userId }).run();
  return { ...(await listing(db, actor.teamId, id)), secret: generated };
}

/** Replaces a live integration's secret: the pasted token, or a fresh generated one (shown once). */
export async function replaceIntegrationSecret(db: Db, actor: Actor, input: ReplaceSecretInput): Promise<IntegrationListing & { secret: string | null }> {
  onlyManagers(actor);
  return db.transaction(async (tx) => {
    const row = await tx.select({ provider: integration.provider, revokedAt: integration.revokedAt }).from(integration).where(and(eq(integration.teamId, actor.teamId), eq(integration.id, input.id))).get();
    if (!row) throw new NotFound("Integration not found.");
    if (row.revokedAt) throw new Conflict("This integration is revoked; create a new one.");
    if (row.provider !== "ringback" && !input.secret) throw new Invalid("Paste the new token.");
    const generated = row.provider === "ringback" ? newSigningSecret() : null;
    await tx.update(integration).set({ secret: generated ?? input.secret! }).where(eq(integration.id, input.id)).run();
    return { ...(await listing(tx, actor.teamId, input.id)), secret: generated };
  });
}

/** Revokes an integration: its URL answers 404 from now on. Revoking twice changes nothing. */
export async function revokeIntegration(db: Db, actor: Actor, input: { id: string }): Promise<IntegrationListing> {
  onlyManagers(actor);
  await listing(db, actor.teamId, input.id);
  await db.update(integration).set({ revokedAt: new Date() }).where(and(eq(integration.teamId, actor.teamId), eq(integration.id, input.id), isNull(integration.revokedAt))).run();
  return listing(db, actor.teamId, input.id);
}

export type LiveIntegration = { id: string; teamId: string; provider: WebhookProvider; secret: string; actor: Actor };

/**
 * The live integration a webhook URL names, with the actor its calls are written as: the member
 * who created it, or the team's first owner once that member has left. Null for an unknown,
 * revoked or other provider's id, which the receiver answers 404 alike.
 */
export async function liveIntegration(db: Queryable, provider: WebhookProvider, id: string): Promise<LiveIntegration | null> {
  const row = await db
    .select({ id: integration.id, teamId: integration.teamId, provider: integration.provider, secret: integration.secret, createdById: integration.createdById })
    .from(integration)
    .where(and(eq(integration.id, id), eq(integration.provider, provider), isNull(integration.revokedAt)))
    .get();
  if (!row) return null;
  const creator = await db.select({ role: member.role }).from(member).where(and(eq(member.organizationId, row.teamId), eq(member.userId, row.createdById))).get();
  const owner = creator
    ? null
    : await db.select({ userId: member.userId }).from(member).where(and(eq(member.organizationId, row.teamId), eq(member.role, "owner"))).orderBy(asc(member.createdAt)).get();
  if (!creator && !owner) return null;
  const actor: Actor = creator ? { userId: row.createdById, teamId: row.teamId, role: creator.role } : { userId: owner!.userId, teamId: row.teamId, role: "owner" };
  return { id: row.id, teamId: row.teamId, provider: row.provider, secret: row.secret, actor };
}
