import { z } from "zod";
import { isCommonPassword } from "@/lib/common-passwords";

/** Length in characters as a person counts them (an emoji is one), not UTF-16 code units. */
const charLength = (s: string) => [...s].length;

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export const newPassword = z
  .string({ error: "Choose a password." })
  .refine((p) => charLength(p) >= PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .refine((p) => charLength(p) <= PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`)
  .refine((p) => !isCommonPassword(p), "This password is too common: choose one that is harder to guess.");

export const username = z
  .string({ error: "Choose a username." })
  .trim()
  .min(3, "Use at least 3 characters.")
  .max(32, "Use at most 32 characters.")
  .regex(/^[A-Za-z0-9_.-]+$/, "Use letters, digits, dots, dashes and underscores only.");

export const email = z.string({ error: "Enter your email address." }).trim().max(254, "This email address is too long.").pipe(z.email("Enter a valid email address."));

const personName = (label: string) =>
  z
    .string({ error: `Enter your ${label}.` })
    .trim()
    .min(1, `Enter your ${label}.`)
    .max(100, `Use at most 100 characters.`)
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "Remove the control characters.");

export const signUpSchema = z.object({
  username,
  email,
  first_name: personName("first name"),
  last_name: personName("last name"),
  password: newPassword,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  login: z.string({ error: "Enter your username or email." }).trim().min(1, "Enter your username or email.").max(254, "That is too long to be a username or email."),
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1024, "That password is too long."),
});

export const profileSchema = z.object({
  first_name: personName("first name"),
  last_name: personName("last name"),
  email,
});

export const passwordChangeSchema = z
  .object({
    current_password: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(1024),
    new_password: newPassword,
    confirm_password: z.string().max(1024),
  })
  .refine((v) => v.new_password === v.confirm_password, { path: ["confirm_password"], message: "The two new passwords differ." });

export const deleteAccountSchema = z.object({
  password: z.string({ error: "Enter your password to confirm." }).min(1, "Enter your password to confirm.").max(1024),
  confirm: z.literal("delete", { error: 'Type "delete" to confirm.' }),
});

/**
 * A same-origin path to return to after signing in: anything else (other hosts, //evil, /\\evil, javascript:, and
 * paths that only become "//evil" once dot segments are resolved, such as /..//evil or /%2e%2e//evil) becomes "/".
 * The path is resolved against a stand-in origin, and the normalised result must still resolve to that origin:
 * what is returned is what the browser will follow.
 */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 2000) return "/";
  if (!value.startsWith("/")) return "/";
  const origin = "http://marquee.invalid";
  try {
    const url = new URL(value, origin);
    if (url.origin !== origin) return "/";
    const path = url.pathname + url.search + url.hash;
    if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return "/";
    return new URL(path, origin).origin === origin ? path : "/";
  } catch {
    return "/";
  }
}
