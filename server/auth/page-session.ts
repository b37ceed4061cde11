import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getRuntime } from "../runtime/runtime";
import { hasRole, type Role } from "../domain/auth/roles";
import { resolveSessionUser } from "./session";

/** For server components: the signed-in user, or a redirect to setup (fresh install) or sign-in. */
export async function requirePageUser(role: Role = "viewer") {
  const rt = getRuntime();
  const user = await resolveSessionUser(rt, await headers(), "web");
  if (!user) {
    if ((await rt.store.countUsers()) === 0) redirect("/setup");
    redirect("/sign-in");
  }
  if (!hasRole(user.role, role)) redirect("/");
  return user;
}
