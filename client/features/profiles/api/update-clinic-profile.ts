import { useMutation, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import type { ClinicProfileResponse, UpdateProfileRequest } from "../../../../shared/schemas/profile.ts";
import { apiRequest } from "../../../lib/api-client.ts";
import { clinicProfileKey } from "./get-clinic-profile.ts";

export function updateClinicProfile(body: UpdateProfileRequest) {
  return apiRequest(endpoints.updateClinicProfile, { body });
}

/** Admin only. Sessions without an override now use the new default: their profiles are refetched. */
export function useUpdateClinicProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateClinicProfile,
    onSuccess: (data) => {
      queryClient.setQueryData<ClinicProfileResponse>(clinicProfileKey, data);
      void queryClient.invalidateQueries({ queryKey: ["profiles", "session"] });
      void queryClient.invalidateQueries({ queryKey: ["alert-context"] });
    },
  });
}
