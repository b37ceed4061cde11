import { z } from "zod";
import { ROLES } from "../../domain/auth/roles";

/** Inputs of the admin verbs on users; client-safe (zod and the domain only). */
const userIdSchema = z.string().min(1).max(100);

export const userIdInputSchema = z.strictObject({ userId: userIdSchema });
export type UserIdInput = z.infer<typeof userIdInputSchema>;

export const setUserRoleInputSchema = z.strictObject({ userId: userIdSchema, role: z.enum(ROLES) });
export type SetUserRoleInput = z.infer<typeof setUserRoleInputSchema>;
