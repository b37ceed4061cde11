import type { ServiceContext } from "../context";
import { adminAudit, assertAdmin } from "../shared/admin";
import { assertNotSelf, changeOutcome } from "./change-user";
import { setUserRoleInputSchema, type SetUserRoleInput } from "./schemas";

/** Changes a user's role. Never the actor's own, never the last active admin's; takes effect on the user's next request. */
export async function setUserRole({ ctx, input }: { ctx: ServiceContext; input: SetUserRoleInput }): Promise<{ userId: string; role: string; changed: boolean }> {
  assertAdmin(ctx.actor);
  const { userId, role } = setUserRoleInputSchema.parse(input);
  assertNotSelf(ctx, userId, "change the role of");
  const r = await ctx.store.changeUser(userId, { role }, ctx.now(), (before) => [
    adminAudit(ctx, "user.role_changed", { userId, email: before.email, from: before.role, to: role }),
  ]);
  return { userId, role, ...changeOutcome(userId, r) };
}
