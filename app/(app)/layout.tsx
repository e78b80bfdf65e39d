import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { Nav } from "@/components/nav";
import { UserProvider } from "@/components/user-context";
import { currentUser } from "@/lib/auth/current-user";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser(await headers());
  if (!user) redirect("/login");
  return (
    <UserProvider user={user}>
      <Nav />
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </UserProvider>
  );
}
