import type { JsonValue } from "../domain/json/canonical";

export const SERVICE_ERROR_CODES = [
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "PRECONDITION_FAILED",
  "PAYLOAD_TOO_LARGE",
] as const;
export type ServiceErrorCode = (typeof SERVICE_ERROR_CODES)[number];

/**
 * An expected failure with a message a caller can act on and structured
 * details (`data`) it can branch on. Channels map `code` once each: tRPC
 * error codes, MCP tool errors, REST statuses.
 */
export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    readonly data: { [k: string]: JsonValue } = {},
  ) {
    super(message);
    this.name = "ServiceError";
  }
}

export const notFound = (what: string, id: string) => new ServiceError("NOT_FOUND", `${what} ${id} not found`, { id });
export const badRequest = (message: string, data: { [k: string]: JsonValue } = {}) => new ServiceError("BAD_REQUEST", message, data);
export const forbidden = (message: string, data: { [k: string]: JsonValue } = {}) => new ServiceError("FORBIDDEN", message, data);
export const conflict = (message: string, data: { [k: string]: JsonValue } = {}) => new ServiceError("CONFLICT", message, data);
export const preconditionFailed = (message: string, data: { [k: string]: JsonValue } = {}) =>
  new ServiceError("PRECONDITION_FAILED", message, data);
