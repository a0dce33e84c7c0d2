import type { Metadata } from "next";
import { AvatarForm, DeleteAccountForm, PasswordForm, ProfileForm } from "@/components/account/account-forms";
import { getAccount } from "@/db/queries/users";
import { requireUser } from "@/lib/session";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

function Section({ id, title, description, children }: { id: string; title: string; description: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="grid gap-6 border-t border-border py-8 md:grid-cols-3">
      <div>
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        <p className="mt-1 text-sm text-muted">{description}</p>
      </div>
      <div className="md:col-span-2">{children}</div>
    </section>
  );
}

export default async function AccountPage() {
  const viewer = await requireUser("/account");
  const account = (await getAccount(viewer.id))!;
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6 lg:px-8">
      <h1 className="text-3xl font-semibold tracking-tight">Your account</h1>
      <p className="mb-8 mt-2 text-muted">
        Signed in as <strong className="text-foreground">{account.username}</strong>.
      </p>
      <Section id="profile-heading" title="Profile" description="Your name and the email you sign in with.">
        <ProfileForm account={account} />
      </Section>
      <Section id="avatar-heading" title="Avatar" description="Shown in the header when you are signed in.">
        <AvatarForm avatarUrl={account.avatarUrl} />
      </Section>
      <Section id="password-heading" title="Password" description="Changing it signs you out on every other device.">
        <PasswordForm />
      </Section>
      <Section id="delete-heading" title="Delete account" description="Remove your account and favorites.">
        <DeleteAccountForm />
      </Section>
    </div>
  );
}
