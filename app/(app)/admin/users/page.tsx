import { headers } from "next/headers";
import { UsersPanel } from "@/components/users-panel";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { currentUser } from "@/lib/auth/current-user";

export const metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await currentUser(await headers());
  if (user?.role !== "admin") return <Alert tone="error">Only admins can manage users.</Alert>;
  return (
    <>
      <PageHeader title="Users" subtitle="Roles: viewers browse, annotators also label, admins also manage users and datasets." />
      <UsersPanel />
    </>
  );
}
