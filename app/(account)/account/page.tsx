import type { Metadata } from "next";
import { LogOut } from "@/components/ui/icons/log-out";
import { signOutAction } from "@/app/(account)/session-actions";
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
      <div className="mb-8 mt-2 flex flex-wrap items-center gap-x-4 gap-y-2">
        <p className="text-muted">
          Signed in as <strong className="text-foreground">{account.username}</strong>.
        </p>
        {/* Also the way out without JavaScript (the header's menu is an island). */}
        <form action={signOutAction}>
          <button type="submit" className="inline-flex items-center gap-2 rounded-full border border-border px-3 py-1.5 text-sm font-medium hover:bg-surface-muted">
            <LogOut aria-hidden className="size-4" /> Sign out
          </button>
        </form>
      </div>
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
