import type { UserChangeResult } from "../../db/store";
import type { ServiceContext } from "../context";
import { forbidden, notFound, preconditionFailed } from "../errors";

/** An admin changing their own role or deactivating themself could lock themself out; another admin has to. */
export function assertNotSelf(ctx: ServiceContext, userId: string, what: string): void {
  if (ctx.actor.type === "user" && ctx.actor.userId === userId) throw forbidden(`you cannot ${what} yourself; ask another admin`, { userId });
}

/** The store's answer to a user change, as the verb's result or its error. */
export function changeOutcome(userId: string, r: UserChangeResult): { changed: boolean } {
  switch (r.kind) {
    case "updated":
      return { changed: true };
    case "unchanged":
      return { changed: false };
    case "not_found":
      throw notFound("user", userId);
    case "last_admin":
      throw preconditionFailed("this is the last active admin; make another user an admin first", { userId, reason: "last_admin" });
  }
}
