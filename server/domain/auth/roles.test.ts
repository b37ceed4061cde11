import { describe, expect, it } from "vitest";
import { hasRole, ROLES, type Role } from "./roles";

const MATRIX: Record<Role, Record<Role, boolean>> = {
  viewer: { viewer: true, reviewer: false, admin: false },
  reviewer: { viewer: true, reviewer: true, admin: false },
  admin: { viewer: true, reviewer: true, admin: true },
};

describe("hasRole", () => {
  const cases = ROLES.flatMap((role) => ROLES.map((needed) => ({ role, needed, want: MATRIX[role][needed] })));

  it("covers every pair", () => {
    expect(cases).toHaveLength(9);
  });

  it.each(cases)("$role needing $needed → $want", ({ role, needed, want }) => {
    expect(hasRole(role, needed)).toBe(want);
  });
});
