import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { getDb, type Db } from "@/db/client";
import { getBudgetStore, type BudgetStore } from "@/db/budget-store";
import { describeIssues } from "@/lib/inputs/issue-messages";
import { getAuth } from "@/server/auth";
import { sessionCookieFacts, signedSessionToken } from "@/server/session-cookie";
import { sessionByToken } from "@/server/services/sessions";
import type { Actor } from "@/server/services/actor";
import { DomainError, domainErrorCode } from "@/server/services/errors";
import { inTurn } from "@/server/services/read-turns";
import { importRule, spendBudget, statsReadRule, withinConcurrency, type BudgetRule } from "@/server/services/request-budget";
import { liveSession, resolveMembership } from "@/server/services/teams";

// 1. Context -----------------------------------------------------------------

export type SignedInUser = { id: string; name: string; email: string };

export type Context = {
  db: Db;
  user: SignedInUser | null;
  sessionId: string | null;
  /** The team chosen on the session; membership is checked before it is used. */
  activeTeamId: string | null;
  /** Per-user budgets of expensive calls; none in tests that build the context themselves. */
  budgets: BudgetStore | null;
};

/** The context without HTTP: used by the HTTP handler, server components and tests alike. */
export function createInnerContext(opts: Partial<Context> & { db: Db }): Context {
  return { user: null, sessionId: null, activeTeamId: null, budgets: null, ...opts };
}

export async function createContext({ headers }: { headers: Headers }): Promise<Context> {
  const db = await getDb();
  const budgets = getBudgetStore();
  // The common case without better-auth: a validly signed session cookie whose row still stands
  // (read on every request, so sign-out and team switches take effect at once). A session due
  // for its sliding refresh, and anything unusual, goes through better-auth below.
  const cookie = await sessionCookieFacts();
  const token = signedSessionToken(headers.get("cookie"), cookie.name, cookie.secret);
  const stored = token ? await sessionByToken(db, token) : null;
  const now = Date.now();
  if (stored && stored.expiresAt.getTime() > now && stored.expiresAt.getTime() - cookie.expiresInMs + cookie.updateAgeMs > now) {
    return createInnerContext({ db, budgets, user: stored.user, sessionId: stored.id, activeTeamId: stored.activeTeamId });
  }
  if (token && !stored) return createInnerContext({ db, budgets });
  const found = await (await getAuth()).api.getSession({ headers });
  // The session may come from better-auth's signed cookie cache: the row decides whether it
  // still stands and which team is active (both can change before the cache expires).
  const live = found ? await liveSession(db, found.session.id, found.user.id) : null;
  if (!found || !live) return createInnerContext({ db, budgets });
  return createInnerContext({
    db,
    budgets,
    user: { id: found.user.id, name: found.user.name, email: found.user.email },
    sessionId: found.session.id,
    activeTeamId: live.activeTeamId,
  });
}

// 2. Initialisation ------------------------------------------------------------

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    return {
      ...shape,
      message: zodError ? describeIssues(zodError.issues) : shape.message,
      data: { ...shape.data, zodError: zodError ? zodError.flatten() : null },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Services throw domain errors; callers see the matching tRPC code with the same message. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof DomainError) {
      const code = domainErrorCode(cause)[1];
      throw new TRPCError({ code, message: cause.message, cause });
    }
  }
  return result;
});

// 3. Procedure builders, each narrowing the context ------------------------------

export const publicProcedure = t.procedure.use(mapDomainErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first." });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const memberProcedure = authedProcedure.use(async ({ ctx, next }) => {
  const membership = await resolveMembership(ctx.db, ctx.user.id, ctx.activeTeamId);
  if (!membership) {
    throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Create or join a team first." });
  }
  const actor: Actor = { userId: ctx.user.id, teamId: membership.teamId, role: membership.role };
  return next({ ctx: { ...ctx, actor } });
});

export const managerProcedure = memberProcedure.use(({ ctx, next }) => {
  if (ctx.actor.role === "rep") throw new TRPCError({ code: "FORBIDDEN", message: "Managers only." });
  return next({ ctx: { ...ctx, actor: ctx.actor as Actor & { role: "manager" | "owner" } } });
});

export const ownerProcedure = memberProcedure.use(({ ctx, next }) => {
  if (ctx.actor.role !== "owner") throw new TRPCError({ code: "FORBIDDEN", message: "Team owners only." });
  return next({ ctx: { ...ctx, actor: ctx.actor as Actor & { role: "owner" } } });
});

// 4. Budgets of the expensive calls (issue 11, item 1) --------------------------------

/** Takes one call from the caller's budget for `rule` before the call runs. */
const spending = (rule: () => BudgetRule) =>
  t.middleware(async ({ ctx, next }) => {
    const userId = (ctx as { user?: SignedInUser | null }).user?.id;
    if (ctx.budgets && userId) await spendBudget(ctx.budgets, userId, rule());
    return next();
  });

/** A user's reads of `rule`'s kind run a few at a time, so one user's burst does not hold everyone's connections. */
const takingTurns = t.middleware(({ ctx, next }) => {
  const userId = (ctx as { user?: SignedInUser | null }).user?.id;
  return userId ? inTurn(userId, () => next()) : next();
});

/** Leaderboards, overview and drill-downs: each call reads and folds many rows. */
export const memberStatsProcedure = memberProcedure.use(spending(statsReadRule)).use(takingTurns);
export const managerStatsProcedure = managerProcedure.use(spending(statsReadRule)).use(takingTurns);

/** One import in flight per user, within the import budget (the queue runs one per team). */
export const importProcedure = managerProcedure.use(spending(importRule)).use(({ ctx, next }) =>
  ctx.budgets ? withinConcurrency(ctx.budgets, ctx.actor.userId, "imports", 1, "Your previous import is still running; wait for it to finish.", () => next()) : next(),
);
