import type { Metadata } from "next";
import { requirePageUser } from "@/server/auth/page-session";
import { UsersPanel } from "@/components/admin/users-panel";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await requirePageUser("admin");
  return <UsersPanel currentUserId={me.userId} />;
}
