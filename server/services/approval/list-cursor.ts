import { badRequest } from "../errors";
import type { ListSort } from "./schemas";

export type ListCursor = { sort: "newest"; id: string } | { sort: "deadline"; expiresAt: Date; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque to clients, so the keyset behind it can change without breaking them. */
export function encodeListCursor(c: ListCursor): string {
  const body = c.sort === "newest" ? { s: "n", i: c.id } : { s: "d", e: c.expiresAt.getTime(), i: c.id };
  return Buffer.from(JSON.stringify(body)).toString("base64url");
}

export function decodeListCursor(raw: string, sort: ListSort): ListCursor {
  // A bare request id was the cursor before it became opaque; keep accepting it.
  if (sort === "newest" && UUID.test(raw)) return { sort, id: raw };
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    body = null;
  }
  const b = (body ?? {}) as { s?: unknown; e?: unknown; i?: unknown };
  if (typeof b.i === "string" && UUID.test(b.i)) {
    if (sort === "newest" && b.s === "n") return { sort, id: b.i };
    if (sort === "deadline" && b.s === "d" && typeof b.e === "number" && Number.isFinite(b.e)) return { sort, expiresAt: new Date(b.e), id: b.i };
  }
  throw badRequest(`cursor is not one this list handed out for sort "${sort}"`, { field: "cursor" });
}
