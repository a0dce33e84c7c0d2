/**
 * The admin's file library: list parameters (anything may arrive in a URL: every value is parsed, bad ones fall
 * back to the default) and the row actions' forms (visibility, delete).
 */
import { z } from "zod";
import { idField } from "@/lib/validation/ids";
import { cleanSearch, oneOf, parsePage, single, type ListParams } from "./list-params";

export const FILES_PAGE_SIZE = 50;
export const FILES_QUERY_MAX_LENGTH = 100;

/** The types an upload can have (lib/images checks them by content). */
export const FILE_TYPES = [
  { value: "image/jpeg", label: "JPEG" },
  { value: "image/png", label: "PNG" },
  { value: "image/webp", label: "WebP" },
  { value: "image/avif", label: "AVIF" },
  { value: "image/gif", label: "GIF" },
] as const;
export type FileType = (typeof FILE_TYPES)[number]["value"];

export const FILE_USAGES = ["used", "unused"] as const;
export type FileUsageFilter = (typeof FILE_USAGES)[number];

export const FILE_VISIBILITIES = ["public", "private"] as const;
export type FileVisibility = (typeof FILE_VISIBILITIES)[number];

export const FILE_SORTS = ["newest", "oldest", "name", "largest"] as const;
export type FileSort = (typeof FILE_SORTS)[number];
export const FILE_SORT_LABELS: Record<FileSort, string> = { newest: "Newest first", oldest: "Oldest first", name: "Name, A–Z", largest: "Largest first" };

export type FileFilters = {
  q: string;
  usage: FileUsageFilter | null;
  type: FileType | null;
  visibility: FileVisibility | null;
  sort: FileSort;
  page: number;
};

type Params = ListParams;





export function parseFileFilters(params: Params): FileFilters {
  return {
    q: cleanSearch(single(params.q), FILES_QUERY_MAX_LENGTH),
    usage: oneOf(FILE_USAGES, single(params.usage)),
    type: oneOf(
      FILE_TYPES.map((t) => t.value),
      single(params.type),
    ),
    visibility: oneOf(FILE_VISIBILITIES, single(params.visibility)),
    sort: oneOf(FILE_SORTS, single(params.sort)) ?? "newest",
    page: parsePage(single(params.page)),
  };
}

const fileId = idField("This file could not be found.");

export const fileVisibilitySchema = z.object({
  id: fileId,
  is_public: z.enum(["true", "false"], { error: "Choose public or private." }).transform((v) => v === "true"),
});

export const fileDeleteSchema = z.object({ id: fileId });
