import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { db, dialect } from "@/lib/db/client";
import { promoteFirstUser } from "./promote-first-user";
import { authSecret } from "./secret";
import { ZRole } from "./roles";

function build() {
  return betterAuth({
    database: prismaAdapter(db(), { provider: dialect() === "postgres" ? "postgresql" : "sqlite" }),
    secret: authSecret(),
    baseURL: process.env.SYLLABUS_URL,
    trustedOrigins: process.env.SYLLABUS_TRUSTED_ORIGINS?.split(",").map((s) => s.trim()).filter(Boolean),
    telemetry: { enabled: false },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      disableSignUp: process.env.SYLLABUS_ALLOW_SIGNUP === "false",
    },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    user: {
      additionalFields: {
        // input: false — a sign-up request can never choose its own role.
        role: { type: "string", required: false, input: false, defaultValue: signupRole() },
      },
    },
    databaseHooks: {
      user: { create: { after: async (user) => void (await promoteFirstUser(user.id)) } },
    },
  });
}

export function signupRole() {
  const parsed = ZRole.safeParse(process.env.SYLLABUS_SIGNUP_ROLE ?? "annotator");
  return parsed.success ? parsed.data : "annotator";
}

type Auth = ReturnType<typeof build>;
const cache = ((globalThis as { __syllabusAuth?: { auth?: Auth } }).__syllabusAuth ??= {});

export function auth(): Auth {
  return (cache.auth ??= build());
}
