import type { JsonValue } from "../../domain/json/canonical";
import type { ServiceContext } from "../context";
import { ServiceError } from "../errors";
import { decideRequest } from "./decide";
import { decideManyInputSchema, type DecideManyInput } from "./schemas";

export type BatchItemResult =
  | { id: string; ok: true; status: string }
  | { id: string; ok: false; code: string; error: string; details: { [k: string]: JsonValue } | null };

/**
 * One decision for many requests, each through `decideRequest` on its own:
 * a request someone else decided first fails alone ("already approved by …")
 * and the rest go through. Concurrent calls share one group commit.
 */
export async function decideManyRequests({ ctx, input }: { ctx: ServiceContext; input: DecideManyInput }): Promise<BatchItemResult[]> {
  const { ids, decision } = decideManyInputSchema.parse(input);
  const unique = [...new Set(ids)];
  return Promise.all(
    unique.map(async (id): Promise<BatchItemResult> => {
      try {
        const view = await decideRequest({ ctx, input: { id, decision } });
        return { id, ok: true, status: view.status };
      } catch (e) {
        if (e instanceof ServiceError) return { id, ok: false, code: e.code, error: e.message, details: e.data };
        // Others in the batch may have committed: report this one as failed rather than lose their results.
        console.error(`decideMany: deciding ${id} failed`, e);
        return { id, ok: false, code: "INTERNAL_SERVER_ERROR", error: "internal error", details: null };
      }
    }),
  );
}
