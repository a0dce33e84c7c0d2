import { dictionary } from "@zxcvbn-ts/language-common";

// ~49,000 passwords seen most often in breaches (zxcvbn-ts's list), compared case-insensitively.
let common: Set<string> | undefined;

export function isCommonPassword(password: string): boolean {
  common ??= new Set((dictionary as Record<string, string[]>)["passwords-common"].map((p) => p.toLowerCase()));
  return common.has(password.toLowerCase());
}
