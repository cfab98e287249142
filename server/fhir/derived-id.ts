import { createHash } from "node:crypto";

/** A stable UUID for a resource derived from one of ours (a reading yields several Observations). */
export function derivedUuid(base: string, suffix: string): string {
  const hex = createHash("sha256").update(`${base}/${suffix}`).digest("hex");
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
