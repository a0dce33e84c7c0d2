import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/auth-forms";
import { getSessionViewer, passwordChangePath } from "@/lib/session";
import { safeCallbackPath } from "@/lib/validation/account";

export const metadata: Metadata = { title: "Create an account", robots: { index: false } };

export default async function SignUpPage({ searchParams }: PageProps<"/sign-up">) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(Array.isArray(params.callbackUrl) ? params.callbackUrl[0] : params.callbackUrl);
  const viewer = await getSessionViewer();
  if (viewer) redirect(viewer.must_change_password ? passwordChangePath(callbackUrl) : callbackUrl);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Create your account</h1>
      <p className="mb-6 mt-1 text-sm text-muted">Free, and it takes a minute.</p>
      <SignUpForm callbackUrl={callbackUrl} />
    </>
  );
}
