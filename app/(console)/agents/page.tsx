import type { Metadata } from "next";
import { requirePageUser } from "@/server/auth/page-session";
import { AgentsPanel } from "@/components/admin/agents-panel";

export const metadata: Metadata = { title: "Agents" };

export default async function AgentsPage() {
  await requirePageUser("admin");
  return <AgentsPanel />;
}
