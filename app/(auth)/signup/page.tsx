import { AuthForm } from "@/components/auth-form";
import { Alert } from "@/components/ui/alert";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";
export const metadata = { title: "Create account" };

export default async function SignupPage() {
  const users = await db().user.count();
  if (users > 0 && process.env.SYLLABUS_ALLOW_SIGNUP === "false") {
    return (
      <div className="mx-auto mt-24 max-w-sm">
        <Alert tone="info">Sign-up is closed on this server. Ask an admin for an account (npx syllabus user create).</Alert>
      </div>
    );
  }
  return <AuthForm mode="signup" firstUser={users === 0} />;
}
