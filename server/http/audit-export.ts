import type { IncomingMessage, ServerResponse } from "node:http";
import { fromNodeHeaders } from "better-auth/node";
import { ZodError } from "zod";
import type { Runtime } from "../runtime/runtime";
import { resolveSessionUser } from "../auth/session";
import { hasRole } from "../domain/auth/roles";
import { auditExportQuerySchema } from "../services/audit/schemas";
import { toStoreFilter } from "../services/audit/filter";
import { exportAudit, exportFileName } from "../services/audit/export";
import { sendJson } from "./respond";

export const AUDIT_EXPORT_PATH = "/api/audit/export";

/** Resolves when the socket can take more, or is gone. */
const drained = (res: ServerResponse) =>
  new Promise<void>((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });

const fail = (res: ServerResponse, status: number, code: string, message: string, extra: Record<string, unknown> = {}) =>
  sendJson(res, status, { error: { message, code, ...extra } });

/**
 * GET /api/audit/export?format=ndjson|csv&q=…&outcome=…: the events matching
 * the dashboard's current filter, oldest first, as a download. Session cookie,
 * admin role. Streamed page by page with backpressure, so memory stays flat
 * and a slow client only slows its own download. The export itself is audited
 * when it ends, with the number of events sent.
 */
export async function handleAuditExport(rt: Runtime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    fail(res, 405, "METHOD_NOT_SUPPORTED", "use GET");
    return;
  }
  const user = await resolveSessionUser(rt, fromNodeHeaders(req.headers), "web");
  if (!user) return fail(res, 401, "UNAUTHORIZED", "sign in first");
  if (!hasRole(user.role, "admin")) return fail(res, 403, "FORBIDDEN", `exporting the audit log needs the admin role; you are a ${user.role}`);
  // A download started by another site's page would run with this user's cookie.
  if (req.headers["sec-fetch-site"] === "cross-site") return fail(res, 403, "FORBIDDEN", "cross-site request refused");

  const params = new URL(req.url ?? "/", "http://localhost").searchParams;
  const raw: Record<string, string> = {};
  for (const [k, v] of params) if (v !== "") raw[k] = v;
  let query;
  try {
    query = auditExportQuerySchema.parse(raw);
  } catch (e) {
    if (!(e instanceof ZodError)) throw e;
    const issues = e.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message, code: i.code }));
    return fail(res, 400, "BAD_REQUEST", issues.map((i) => `${i.path || "query"}: ${i.message}`).join("; "), { issues });
  }
  const { format, ...filterInput } = query;
  const filter = toStoreFilter(filterInput);

  res.writeHead(200, {
    "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
    "content-disposition": `attachment; filename="${exportFileName(query, rt.now())}"`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  if (req.method === "HEAD") return void res.end();

  // Recorded once the stream ends (or the client goes away), with how far it got.
  const progress = { events: 0 };
  let aborted = false;
  let complete = false;
  res.once("close", () => (aborted = !res.writableFinished));
  try {
    for await (const chunk of exportAudit(rt.store, format, filter, { progress })) {
      if (aborted) break;
      if (!res.write(chunk)) await drained(res);
    }
    if (!aborted) {
      res.end();
      complete = true;
    }
  } finally {
    const filterData = Object.fromEntries(Object.entries(filterInput).filter(([, v]) => v !== undefined));
    await rt.store.appendAudit(
      [
        {
          actorType: "user",
          actorId: user.userId,
          action: "audit.exported",
          requestId: null,
          data: { by: user.email, channel: "web", format, filter: filterData, events: progress.events, complete },
        },
      ],
      rt.now(),
    );
  }
}
