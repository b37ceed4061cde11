import { z } from "zod";
import { hashPassword } from "better-auth/crypto";
import { ROLES } from "../../domain/auth/roles";
import { actorId, type ServiceContext } from "../context";
import { conflict } from "../errors";
import { newId } from "../approval/tokens";
import { assertAdmin } from "../shared/admin";

export const MIN_PASSWORD_LENGTH = 8;

export const createUserInputSchema = z.strictObject({
  email: z.email({ error: "a valid email address is needed" }).max(254).transform((e) => e.toLowerCase()),
  password: z.string().min(MIN_PASSWORD_LENGTH, { error: `passwords need at least ${MIN_PASSWORD_LENGTH} characters` }).max(128),
  role: z.enum(ROLES),
  name: z.string().trim().min(1).max(100).optional(),
});
export type CreateUserInput = z.input<typeof createUserInputSchema>;

/** Creates a dashboard user whom better-auth can sign in with email and password. */
export async function createUser({ ctx, input }: { ctx: ServiceContext; input: CreateUserInput }): Promise<{ id: string; email: string; role: string }> {
  assertAdmin(ctx.actor);
  const { email, password, role, name } = createUserInputSchema.parse(input);
  if (await ctx.store.findUserByEmail(email)) throw conflict(`a user with email ${email} already exists`, { email });
  const id = newId();
  const now = ctx.now();
  await ctx.store.createUser({ id, email, name: name ?? email.split("@")[0] ?? email, role, passwordHash: await hashPassword(password), at: now }, [
    {
      actorType: ctx.actor.type === "agent" ? "agent" : ctx.actor.type,
      actorId: actorId(ctx.actor),
      action: "user.created",
      requestId: null,
      data: { userId: id, email, role, channel: ctx.actor.channel },
    },
  ]);
  return { id, email, role };
}
