import type { Role } from "../../domain/auth/roles";
import type { ServiceContext } from "../context";
import { assertAdmin } from "../shared/admin";

export type UserView = { id: string; email: string; name: string; role: Role; createdAt: string; disabledAt: string | null };

/** Every dashboard user, for the admin page (no credentials: those live in better-auth's account table). */
export async function listUsers({ ctx }: { ctx: ServiceContext }): Promise<UserView[]> {
  assertAdmin(ctx.actor);
  return (await ctx.store.listUsers()).map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    createdAt: u.createdAt.toISOString(),
    disabledAt: u.disabledAt ? u.disabledAt.toISOString() : null,
  }));
}
