import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { organization } from "better-auth/plugins";
import { adminAc, memberAc, ownerAc } from "better-auth/plugins/organization/access";
import { getDb, type Db } from "@/db/client";
import * as schema from "@/db/schema";
import { appBaseUrl, appOrigins } from "./app-origin";
import { authSecret } from "./auth-secret";

function perMinute(variable: string, fallback: number): number {
  const value = Number(process.env[variable]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

function createAuth(db: Db) {
  return betterAuth({
    appName: "Ringback",
    baseURL: new URL(appBaseUrl()).origin,
    secret: authSecret(),
    trustedOrigins: appOrigins(),
    database: drizzleAdapter(db, { provider: "sqlite", schema }),
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128, autoSignIn: true },
    // The cookie cache spares better-auth's session and user queries on every request (they
    // dominated the cost of logging a dial). createContext still checks the session row itself,
    // so sign-out, revocation and team switches take effect at once, not after maxAge.
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24, cookieCache: { enabled: true, maxAge: 5 * 60 } },
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
    },
    advanced: { cookiePrefix: "ringback", defaultCookieAttributes: { sameSite: "lax", httpOnly: true } },
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
export function getAuth(): Auth {
  globalForAuth.ringbackAuth ??= createAuth(getDb());
  return globalForAuth.ringbackAuth;
}

