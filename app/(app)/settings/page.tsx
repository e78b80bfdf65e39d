import { headers } from "next/headers";
import { SettingsView } from "@/components/settings/settings-view";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { currentUser } from "@/lib/auth/current-user";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await currentUser(await headers());
  if (user?.role !== "admin") return <Alert tone="error">Settings are for admins only. Ask an admin to configure the LLM endpoint and prices.</Alert>;
  return (
    <>
      <PageHeader title="Settings" subtitle="The LLM endpoint, models and prices for this Syllabus instance. Values saved here override the environment." />
      <SettingsView />
    </>
  );
}
