import type { SafetyMode } from "@/server/domain/approval/annotations";
import type { Role } from "@/server/domain/auth/roles";

export const MODE_LABELS: Record<SafetyMode, string> = {
  read_only: "Read-only",
  write_idempotent: "Idempotent writes",
  write_destructive: "Destructive writes",
};

export const ROLE_LABELS: Record<Role, { label: string; hint: string }> = {
  viewer: { label: "Viewer", hint: "sees requests and the audit log" },
  reviewer: { label: "Reviewer", hint: "also approves, modifies and denies" },
  admin: { label: "Admin", hint: "also manages agents, users and settings" },
};
