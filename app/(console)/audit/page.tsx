import { Suspense } from "react";
import type { Metadata } from "next";
import { requirePageUser } from "@/server/auth/page-session";
import { hasRole } from "@/server/domain/auth/roles";
import { AuditView } from "@/components/audit/audit-view";

export const metadata: Metadata = { title: "Audit log" };

/** Reviewers and admins search the log; admins also verify the chain and export (docs/decisions.md). */
export default async function AuditPage() {
  const user = await requirePageUser("reviewer");
  // The filters are read from the URL on the client; Suspense lets that happen without blocking the shell.
  return (
    <Suspense fallback={<h1 className="text-xl font-semibold">Audit log</h1>}>
      <AuditView isAdmin={hasRole(user.role, "admin")} />
    </Suspense>
  );
}
