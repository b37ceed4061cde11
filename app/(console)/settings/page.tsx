import type { Metadata } from "next";
import { requirePageUser } from "@/server/auth/page-session";
import { SettingsPanel } from "@/components/admin/settings-panel";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePageUser("admin");
  return <SettingsPanel />;
}
