import { Suspense } from "react";
import type { Metadata } from "next";
import { requirePageUser } from "@/server/auth/page-session";
import { InboxView } from "@/components/approval/inbox";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  const user = await requirePageUser();
  // The filters are read from the URL on the client; Suspense lets that happen without blocking the shell.
  return (
    <Suspense fallback={<h1 className="text-xl font-semibold">Inbox</h1>}>
      <InboxView role={user.role} />
    </Suspense>
  );
}
