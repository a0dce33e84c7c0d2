import type { FileUse } from "@/db/queries/admin/files";
import type { Reference } from "@/lib/admin-state";

/**
 * What to call a row that uses a file, with a link to where an editor can change it. Avatars link to user
 * management only for admins (editors cannot open it).
 */
export function referenceFor(use: FileUse, linkUsers: boolean): Reference {
  switch (use.kind) {
    case "poster":
      return { label: `Poster of ${use.label}`, href: `/admin/movies/${use.id}` };
    case "photo":
      return { label: `Main photo of ${use.label}`, href: `/admin/people/${use.id}` };
    case "gallery":
      return { label: `Gallery of ${use.label}`, href: `/admin/people/${use.id}` };
    case "avatar":
      return { label: `Avatar of ${use.label}`, href: linkUsers ? `/admin/users?q=${encodeURIComponent(use.label)}` : undefined };
  }
}
