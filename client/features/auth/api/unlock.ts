import { useMutation } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import type { UnlockRequest } from "../../../../shared/schemas/user.ts";
import { apiRequest } from "../../../lib/api-client.ts";

export function unlock(body: UnlockRequest) {
  return apiRequest(endpoints.unlock, { body });
}

export function useUnlock() {
  return useMutation({ mutationFn: unlock });
}
