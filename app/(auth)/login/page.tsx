import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth-form";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in" };

export default async function LoginPage() {
  if ((await db().user.count()) === 0) redirect("/signup");
  return <AuthForm mode="login" />;
}
