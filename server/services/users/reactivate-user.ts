import type { ServiceContext } from "../context";
import { adminAudit, assertAdmin } from "../shared/admin";
import { changeOutcome } from "./change-user";
import { userIdInputSchema, type UserIdInput } from "./schemas";

/** Lets a deactivated user sign in again, with the role they had. */
export async function reactivateUser({ ctx, input }: { ctx: ServiceContext; input: UserIdInput }): Promise<{ userId: string; changed: boolean }> {
  assertAdmin(ctx.actor);
  const { userId } = userIdInputSchema.parse(input);
  const r = await ctx.store.changeUser(userId, { disabledAt: null }, ctx.now(), (before) => [adminAudit(ctx, "user.reactivated", { userId, email: before.email })]);
  return { userId, ...changeOutcome(userId, r) };
}
