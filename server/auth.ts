import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { organization } from "better-auth/plugins";
import { adminAc, memberAc, ownerAc } from "better-auth/plugins/organization/access";
import { getDb, type Db } from "@/db/client";
import * as schema from "@/db/schema";
import { nameProblem } from "@/lib/names";
import { CLIENT_ADDRESS_HEADER } from "@/server/domain/client-address";
import { appOrigin, sendMail } from "@/server/services/mail";
import { appOrigins } from "./app-origin";
import { authSecret, loadAuthSecret } from "./auth-secret";
import { consumeAddressLimit } from "./services/request-budget";

function perMinute(variable: string, fallback: number): number {
  const value = Number(process.env[variable]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** better-auth's own endpoints take names too: the app's one name rule, as an API error. */
function checkName(name: unknown) {
  if (name === undefined) return;
  const problem = typeof name === "string" ? nameProblem(name) : "A name is text.";
  if (problem) throw new APIError("BAD_REQUEST", { message: `Name: ${problem}`, code: "INVALID_NAME" });
}

function createAuth(db: Db) {
  const url = new URL(appOrigin());
  return betterAuth({
    appName: "Ringback",
    baseURL: url.origin,
    secret: authSecret(),
    trustedOrigins: appOrigins(),
    database: drizzleAdapter(db, { provider: "sqlite", schema }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      // Without auto sign-in, better-auth answers a sign-up for a taken address exactly as for a
      // new one (a made-up user, no cookie), so sign-up tells nobody who has an account. The form
      // signs in next, which an unverified account may do; joining a team by invite may not.
      autoSignIn: false,
      onExistingUserSignUp: async ({ user }) => {
        await sendMail(db, {
          to: user.email,
          subject: "Someone tried to create a Ringback account with your address",
          text: `Your address already has a Ringback account. If that was you, sign in instead:\n\n${url.origin}/sign-in\n\nIf it was not, you can ignore this mail.`,
        });
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      expiresIn: 60 * 60 * 24,
      sendVerificationEmail: async ({ user, url: link }) => {
        await sendMail(db, {
          to: user.email,
          subject: "Verify your e-mail address for Ringback",
          text: `Open this link to verify ${user.email} (valid for 24 hours):\n\n${link}\n\nInvites to a team can only be accepted from a verified address.`,
        });
      },
    },
    // No cookie cache: a cached session cookie kept answering get-session for five minutes after
    // sign-out. Every session is read from its row, so sign-out ends it everywhere at once.
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24, cookieCache: { enabled: false } },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === "/sign-up/email" || ctx.path === "/update-user") checkName((ctx.body as { name?: unknown } | undefined)?.name);
      }),
    },
    // And again where rows are written, whatever endpoint wrote them.
    databaseHooks: {
      user: {
        create: { before: async (row) => checkName(row.name) },
        update: { before: async (row) => checkName(row.name) },
      },
    },
    // Per client address; accounts are also braked one by one (app/api/auth route). An office
    // behind one NAT shares an address, so the default leaves room for a whole team at 9 AM.
    rateLimit: {
      enabled: true,
      window: 60,
      max: 600,
      customRules: {
        "/sign-in/email": { window: 60, max: perMinute("RINGBACK_SIGN_INS_PER_ADDRESS_PER_MINUTE", 30) },
        "/sign-up/email": { window: 60, max: perMinute("RINGBACK_SIGN_UPS_PER_ADDRESS_PER_MINUTE", 10) },
      },
      // Counted in the request budgets' store (db/budget-store.ts), not in this process's memory.
      customStorage: { consume: (key: string, rule: { window: number; max: number }) => consumeAddressLimit(key, rule) },
    },
    advanced: {
      cookiePrefix: "ringback",
      defaultCookieAttributes: { sameSite: "lax", httpOnly: true },
      // The client's address as server/serve.ts worked it out from the socket (and trusted
      // proxies only): X-Forwarded-For itself is whatever the client chose to write.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    plugins: [
      // Teams are organizations. Team management itself goes through Ringback's own services
      // (one transaction each, shared with the CLI); the plugin supplies the schema, the
      // active-team field on the session and these role names.
      organization({ roles: { owner: ownerAc, manager: adminAc, rep: memberAc }, creatorRole: "owner" }),
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { ringbackAuth?: Auth };

/** Built on first use: building it opens the database, which must not happen during `next build`. */
export async function getAuth(): Promise<Auth> {
  if (!globalForAuth.ringbackAuth) {
    const db = await getDb();
    await loadAuthSecret();
    globalForAuth.ringbackAuth ??= createAuth(db);
  }
  return globalForAuth.ringbackAuth;
}

