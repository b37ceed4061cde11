/** What a tRPC error carries in `data` (see server/api/trpc.ts errorFormatter). */
export type ErrorData = { code?: string; details?: unknown; issues?: unknown } | null | undefined;

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

/**
 * The loser of a race reads who won, not an error: "Already approved by
 * alice@example.com via web". Null when the error is not a lost race.
 * `wording` names a status in the request's own terms (a question is "answered", not "approved").
 */
export function raceMessage(data: ErrorData, wording: (status: string) => string = (s) => s): string | null {
  if (data?.code !== "CONFLICT") return null;
  const d = (data.details ?? {}) as Record<string, unknown>;
  const status = str(d.status);
  if (!status) return null;
  if (status === "expired") return "Already expired: nobody decided before the deadline, so it was denied by default.";
  const by = str(d.decidedBy);
  const channel = str(d.channel);
  return `Already ${wording(status)}${by ? ` by ${by}` : ""}${channel ? ` via ${channel}` : ""}.`;
}

/** Schema problems behind a refused modification, as "path: message" lines. */
export function schemaProblems(data: ErrorData): string[] {
  const d = (data?.details ?? {}) as Record<string, unknown>;
  if (!Array.isArray(d.problems)) return [];
  return d.problems.map((p) => {
    const o = (p ?? {}) as Record<string, unknown>;
    return `${str(o.path) ?? "/"}: ${str(o.message) ?? "invalid"}`;
  });
}
