import type { IncomingMessage } from "node:http";

export class BodyTooLargeError extends Error {}

/**
 * Reads a request body, refusing it unread when its declared length is over
 * `limit` and giving up (without buffering the rest) once a chunked body
 * passes it: a client cannot make us buffer an oversized body.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const tooLarge = () => new BodyTooLargeError(`request body exceeds the limit of ${limit} bytes (${limit / 1024} KiB)`);
  if (Number(req.headers["content-length"] ?? 0) > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.pause();
        reject(tooLarge());
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
