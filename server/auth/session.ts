import type { Runtime } from "../runtime/runtime";
import type { Actor, Channel } from "../services/context";
import { ROLES, type Role } from "../domain/auth/roles";

const isRole = (r: unknown): r is Role => typeof r === "string" && (ROLES as readonly string[]).includes(r);

/** The signed-in dashboard user behind a request's session cookie, or null. Deactivated users have no session. */
export async function resolveSessionUser(rt: Runtime, headers: Headers, channel: Channel): Promise<Extract<Actor, { type: "user" }> | null> {
  if (!headers.get("cookie")) return null;
  const s = await rt.auth.api.getSession({ headers });
  if (!s) return null;
  const u = await rt.store.getUser(s.user.id);
  if (!u || u.disabledAt || !isRole(u.role)) return null;
  return { type: "user", userId: u.id, email: u.email, role: u.role, channel };
}
