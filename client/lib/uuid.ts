/** Client-generated ids make every create idempotent: a retry carries the same id. */
export function uuid(): string {
  return crypto.randomUUID();
}
