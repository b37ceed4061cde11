import { hashPassword } from "better-auth/crypto";
import { actorId, type ServiceContext } from "../context";
import { conflict } from "../errors";
import { newId } from "../approval/tokens";
import { createUserInputSchema } from "./create-user";

export const createFirstAdminInputSchema = createUserInputSchema.omit({ role: true });

/**
 * First run: the first visitor of a fresh install creates the admin. Only
 * while no user exists at all — checked inside the write transaction, so two
 * visitors racing cannot both become admin.
 */
export async function createFirstAdmin({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<{ id: string; email: string }> {
  const { email, password, name } = createFirstAdminInputSchema.parse(input);
  const id = newId();
  const now = ctx.now();
  const created = await ctx.store.createFirstUser(
    { id, email, name: name ?? email.split("@")[0] ?? email, role: "admin", passwordHash: await hashPassword(password), at: now },
    [{ actorType: "system", actorId: actorId(ctx.actor), action: "user.created", requestId: null, data: { userId: id, email, role: "admin", channel: "web", firstRun: true } }],
  );
  if (!created) throw conflict("this installation already has users; sign in instead");
  return { id, email };
}
