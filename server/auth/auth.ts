import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError } from "better-auth/api";
import { eq } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import type { Db } from "../db/client";
import { account, session, user, verification } from "../db/schema";

/** Set by the front server from the socket address; better-auth keys its rate limit on it. */
export const CLIENT_IP_HEADER = "x-countersign-client-ip";

export type AuthOptions = { secret: string; baseURL: string; trustedOrigins: () => string[]; rateLimit: boolean };

/**
 * Email/password sessions. Sign-up is closed: users are created by an admin
 * (CLI or dashboard), the first one through the first-run flow, so there is
 * never a default password and never an open door.
 */
export function createAuth(db: Db, opts: AuthOptions) {
  return betterAuth({
    appName: "Countersign",
    secret: opts.secret,
    baseURL: opts.baseURL,
    basePath: "/api/auth",
    trustedOrigins: opts.trustedOrigins,
    database: drizzleAdapter(db, { provider: "sqlite", schema: { user, session, account, verification } }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    user: {
      additionalFields: {
        role: { type: "string", input: false, defaultValue: "viewer" },
        disabledAt: { type: "date", input: false, required: false },
      },
    },
    session: { expiresIn: 60 * 60 * 12, updateAge: 60 * 60 },
    databaseHooks: {
      session: {
        create: {
          // A deactivated user may still know their password: refuse the session itself.
          before: (s) => {
            const u = db.select({ disabledAt: user.disabledAt }).from(user).where(eq(user.id, s.userId)).get();
            if (!u || u.disabledAt) throw APIError.from("FORBIDDEN", { message: "This account is deactivated. Ask an admin to reactivate it.", code: "ACCOUNT_DEACTIVATED" });
            return Promise.resolve();
          },
        },
      },
    },
    rateLimit: { enabled: opts.rateLimit, window: 10, max: 100, customRules: { "/sign-in/email": { window: 10, max: 10 } } },
    advanced: { database: { generateId: () => uuidv7() }, cookiePrefix: "countersign", ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] } },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;
