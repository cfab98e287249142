import type { User } from "../../../shared/schemas/user.ts";
import { useMe } from "./api/get-me.ts";

/** The logged-in user; only for components rendered inside the authenticated layout. */
export function useCurrentUser(): User {
  const { data } = useMe();
  if (!data) throw new Error("useCurrentUser outside the authenticated layout");
  return data;
}
