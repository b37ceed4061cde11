import type { IncomingMessage } from "node:http";

export type SseEvent = { event: string; data: string };

/**
 * Reads server-sent events from a response, calling `onEvent` for each
 * complete event (blank-line terminated; `data:` lines joined with "\n").
 * What tRPC v11 sends for a subscription: `event: connected` first, then an
 * unnamed event per yielded value (`data: {json}`), `event: ping` keep-alives
 * and `event: return` when the procedure returns.
 */
export function readSse(res: IncomingMessage, onEvent: (e: SseEvent) => void): void {
  res.setEncoding("utf8");
  let buf = "";
  res.on("data", (chunk: string) => {
    buf += chunk;
    for (;;) {
      const m = /\r?\n\r?\n/.exec(buf);
      if (!m) break;
      const block = buf.slice(0, m.index);
      buf = buf.slice(m.index + m[0].length);
      let event = "message";
      const data: string[] = [];
      for (const line of block.split(/\r?\n/)) {
        if (line === "" || line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon === -1 ? line : line.slice(0, colon);
        let value = colon === -1 ? "" : line.slice(colon + 1);
        if (value.startsWith(" ")) value = value.slice(1);
        if (field === "event") event = value;
        else if (field === "data") data.push(value);
      }
      if (block.trim() !== "") onEvent({ event, data: data.join("\n") });
    }
  });
}
