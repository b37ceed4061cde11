import { redirect } from "next/navigation";
import { getRuntime } from "@/server/runtime/runtime";
import { AuthCard } from "@/components/shell/auth-card";
import { SetupForm } from "@/components/shell/setup-form";

export const metadata = { title: "Set up" };

/** Only while the installation has no user: there is no default password, the first visitor sets one. */
export default async function SetupPage() {
  if ((await getRuntime().store.countUsers()) > 0) redirect("/sign-in");
  return (
    <AuthCard title="Create the first admin" subtitle="This installation has no users yet. The account you create here administers it.">
      <SetupForm />
    </AuthCard>
  );
}
