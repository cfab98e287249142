import { z } from "zod";

export const passwordMinLength = 12;
export const passwordMaxLength = 200;

/** Lower-cased; a long password that is still one of these is guessed first by any attacker. */
const commonPasswords = new Set([
  "123456789012",
  "passwordpassword",
  "password1234",
  "password12345",
  "qwertyuiopas",
  "qwerty123456",
  "iloveyou1234",
  "letmein12345",
  "welcome12345",
  "administrator",
  "changeme1234",
  "vigilvigilvigil",
  "ketamineketamine",
]);

/**
 * Why a new password is refused, one sentence each (empty when it is acceptable). Length over
 * composition rules (NIST SP 800-63B): long, not the username, not a known or trivially patterned one.
 */
export function passwordPolicyProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < passwordMinLength) problems.push(`must be at least ${passwordMinLength} characters`);
  if (password.length > passwordMaxLength) problems.push(`must be at most ${passwordMaxLength} characters`);
  const lower = password.toLowerCase();
  const name = username.trim().toLowerCase();
  // "multinode-admin-password" is fine for admin; "admin2026!!!!" is the username with padding.
  const rest = name.length > 0 ? lower.replaceAll(name, "") : lower;
  if (rest.length < lower.length && rest.length < 8) problems.push("must not be built from the username");
  if (new Set(lower).size <= 2) problems.push("must not repeat only one or two characters");
  if (commonPasswords.has(lower)) problems.push("is a commonly used password");
  return problems;
}

/** A password being set for `username`; the issues land on the field that holds it. */
export function newPasswordSchema(username: string) {
  return z.string({ error: "must be text" }).superRefine((password, ctx) => {
    for (const message of passwordPolicyProblems(password, username))
      ctx.addIssue({ code: "custom", message });
  });
}
