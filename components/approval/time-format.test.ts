import { describe, expect, it } from "vitest";
import { deadlineUrgency, formatDuration, timeLeft, timeSince } from "./time-format";

describe("time formatting", () => {
  it.each([
    [0, "0s"],
    [-5_000, "0s"],
    [42_400, "42s"],
    [65_000, "1m 05s"],
    [3_599_000, "59m 59s"],
    [3_600_000 + 5 * 60_000, "1h 05m"],
    [27 * 3_600_000, "1d 3h"],
  ])("formatDuration(%i) = %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it("rates how near a deadline is", () => {
    const now = Date.parse("2030-01-01T00:00:00Z");
    const at = (s: number) => new Date(now + s * 1000).toISOString();
    expect(deadlineUrgency(at(0), now)).toBe("expired");
    expect(deadlineUrgency(at(-1), now)).toBe("expired");
    expect(deadlineUrgency(at(59), now)).toBe("urgent");
    expect(deadlineUrgency(at(299), now)).toBe("soon");
    expect(deadlineUrgency(at(301), now)).toBe("calm");
    expect(timeLeft(at(90), now)).toBe("1m 30s");
    expect(timeSince(at(-30), now)).toBe("30s");
  });
});
