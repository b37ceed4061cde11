import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import { hasRole, type Role } from "../domain/auth/roles";
import { ServiceError } from "../services/errors";
import type { ServiceContext } from "../services/context";
import type { TrpcContext } from "./context";
import { toTRPCError } from "./error-map";

/**
 * Plain JSON, no transformer: an agent in any language calls
 * `POST /api/trpc/agent.submit` with its input as the body.
 */
const t = initTRPC.context<TrpcContext>().create({
  sse: { ping: { enabled: true, intervalMs: 15_000 }, client: { reconnectAfterInactivityMs: 20_000 } },
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const internal = error.code === "INTERNAL_SERVER_ERROR" && !(cause instanceof ServiceError);
    return {
      ...shape,
      message: internal ? "internal error" : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        details: cause instanceof ServiceError ? cause.data : null,
        issues:
          cause instanceof ZodError
            ? cause.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message, code: i.code }))
            : null,
      },
    };
  },
});

const mapErrors = t.middleware(async ({ next }) => {
  const res = await next();
  if (!res.ok) {
    const mapped = toTRPCError(res.error.cause);
    if (mapped) throw mapped;
  }
  return res;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapErrors);

/** Bearer API key → the agent; 401 otherwise. */
export const agentProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const agent = await ctx.agent();
  if (!agent) throw new TRPCError({ code: "UNAUTHORIZED", message: "a valid API key is required (Authorization: Bearer cs_…)" });
  return next({ ctx: { svc: ctx.rt.svc(agent) satisfies ServiceContext } });
});

const SAFE_FETCH_SITES = new Set(["same-origin", "none"]);

/**
 * Session cookie → the user, with at least `role`. Cookie-authenticated
 * mutations must come from our own pages: a cross-site Origin or
 * Sec-Fetch-Site is refused (CSRF), on top of SameSite=Lax cookies.
 */
export function userProcedure(role: Role) {
  return publicProcedure.use(async ({ ctx, next, type }) => {
    const user = await ctx.user();
    if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "sign in first" });
    if (type === "mutation") {
      const site = ctx.headers["sec-fetch-site"];
      const origin = ctx.headers.origin;
      if ((typeof site === "string" && !SAFE_FETCH_SITES.has(site)) || (typeof origin === "string" && !ctx.rt.trustedOrigins().includes(origin))) {
        throw new TRPCError({ code: "FORBIDDEN", message: "cross-site request refused" });
      }
    }
    if (!hasRole(user.role, role)) throw new TRPCError({ code: "FORBIDDEN", message: `this needs the ${role} role; you are a ${user.role}` });
    return next({ ctx: { svc: ctx.rt.svc(user) satisfies ServiceContext } });
  });
}

export { z };
