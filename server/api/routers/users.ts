import { createTRPCRouter, userProcedure } from "../trpc";
import { createUser, createUserInputSchema } from "../../services/users/create-user";
import { listUsers } from "../../services/users/list-users";
import { setUserRole } from "../../services/users/set-user-role";
import { deactivateUser } from "../../services/users/deactivate-user";
import { reactivateUser } from "../../services/users/reactivate-user";
import { setUserRoleInputSchema, userIdInputSchema } from "../../services/users/schemas";

const admin = userProcedure("admin");

/** Dashboard users and roles: admin only. */
export const usersRouter = createTRPCRouter({
  list: admin.query(({ ctx }) => listUsers({ ctx: ctx.svc })),
  create: admin.input(createUserInputSchema).mutation(({ ctx, input }) => createUser({ ctx: ctx.svc, input })),
  setRole: admin.input(setUserRoleInputSchema).mutation(({ ctx, input }) => setUserRole({ ctx: ctx.svc, input })),
  deactivate: admin.input(userIdInputSchema).mutation(({ ctx, input }) => deactivateUser({ ctx: ctx.svc, input })),
  reactivate: admin.input(userIdInputSchema).mutation(({ ctx, input }) => reactivateUser({ ctx: ctx.svc, input })),
});
