import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/auth-forms";
import { getSessionViewer, passwordChangePath } from "@/lib/session";
import { safeCallbackPath } from "@/lib/validation/account";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(Array.isArray(params.callbackUrl) ? params.callbackUrl[0] : params.callbackUrl);
  const viewer = await getSessionViewer();
  if (viewer) redirect(viewer.must_change_password ? passwordChangePath(callbackUrl) : callbackUrl);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
      <p className="mb-6 mt-1 text-sm text-muted">Keep your favorite films, everywhere.</p>
      <SignInForm callbackUrl={callbackUrl} />
    </>
  );
}
