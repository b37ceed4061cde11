import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/server/auth/page-session";
import { RequestDetail } from "@/components/approval/request-detail";

export const metadata: Metadata = { title: "Request" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function RequestPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ mode?: string | string[] }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const { mode } = await searchParams;
  // `?mode=modify` opens the argument editor, `?mode=answer` the answer box of a question (the inbox's `m` and `a` keys).
  return <RequestDetail id={id} role={user.role} startMode={mode === "modify" || mode === "answer" ? mode : null} />;
}
