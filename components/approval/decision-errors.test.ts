import { describe, expect, it } from "vitest";
import { raceMessage, schemaProblems } from "./decision-errors";

describe("raceMessage", () => {
  it("names who won and through which channel", () => {
    expect(raceMessage({ code: "CONFLICT", details: { status: "approved", decidedBy: "alice@example.com", channel: "web" } })).toBe(
      "Already approved by alice@example.com via web.",
    );
    expect(raceMessage({ code: "CONFLICT", details: { status: "denied", decidedBy: "bob@example.com", channel: "slack" } })).toBe(
      "Already denied by bob@example.com via slack.",
    );
  });

  it("words the status in the request's own terms", () => {
    const wording = (s: string) => (s === "approved" ? "answered" : s);
    expect(raceMessage({ code: "CONFLICT", details: { status: "approved", decidedBy: "carol@example.com", channel: "web" } }, wording)).toBe(
      "Already answered by carol@example.com via web.",
    );
  });

  it("says an expired request was denied by default", () => {
    expect(raceMessage({ code: "CONFLICT", details: { status: "expired", decidedBy: "system:deadline", channel: "timeout" } })).toMatch(/^Already expired/);
  });

  it("is null for anything that is not a lost race", () => {
    expect(raceMessage({ code: "BAD_REQUEST", details: { status: "approved" } })).toBeNull();
    expect(raceMessage({ code: "CONFLICT", details: null })).toBeNull();
    expect(raceMessage(null)).toBeNull();
  });
});

describe("schemaProblems", () => {
  it("lists problems as path: message", () => {
    expect(schemaProblems({ code: "BAD_REQUEST", details: { problems: [{ path: "/replicas", message: "must be <= 5" }, {}] } })).toEqual([
      "/replicas: must be <= 5",
      "/: invalid",
    ]);
    expect(schemaProblems({ code: "BAD_REQUEST", details: {} })).toEqual([]);
  });
});
