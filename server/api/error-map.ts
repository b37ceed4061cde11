import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { ServiceError } from "../services/errors";

/** ServiceError and zod failures from inside a verb become the tRPC error with the same meaning. */
export function toTRPCError(e: unknown): TRPCError | null {
  if (e instanceof ServiceError) return new TRPCError({ code: e.code, message: e.message, cause: e });
  if (e instanceof ZodError) return new TRPCError({ code: "BAD_REQUEST", message: e.issues.map((i) => i.message).join("; "), cause: e });
  return null;
}
