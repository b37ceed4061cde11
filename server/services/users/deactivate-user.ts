import type { ServiceContext } from "../context";
import { adminAudit, assertAdmin } from "../shared/admin";
import { assertNotSelf, changeOutcome } from "./change-user";
import { userIdInputSchema, type UserIdInput } from "./schemas";

/**
 * Deactivates a user: their sessions are deleted in the same transaction and
 * sign-in is refused until an admin reactivates them. Their history (audit,
 * decisions) stays. Never the actor themself, never the last active admin.
 */
export async function deactivateUser({ ctx, input }: { ctx: ServiceContext; input: UserIdInput }): Promise<{ userId: string; changed: boolean }> {
  assertAdmin(ctx.actor);
  const { userId } = userIdInputSchema.parse(input);
  assertNotSelf(ctx, userId, "deactivate");
  const r = await ctx.store.changeUser(userId, { disabledAt: ctx.now() }, ctx.now(), (before) => [adminAudit(ctx, "user.deactivated", { userId, email: before.email })]);
  return { userId, ...changeOutcome(userId, r) };
}
