import { useMutation, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import type { CreatePatientRequest } from "../../../../shared/schemas/patient.ts";
import { apiRequest } from "../../../lib/api-client.ts";

export function createPatient(body: CreatePatientRequest) {
  return apiRequest(endpoints.createPatient, { body });
}

export function useCreatePatient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPatient,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["patients", "list"] }),
  });
}
