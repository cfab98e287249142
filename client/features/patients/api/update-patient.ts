import { useMutation, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import type { UpdatePatientRequest } from "../../../../shared/schemas/patient-record.ts";
import { apiRequest } from "../../../lib/api-client.ts";
import { patientQueryOptions } from "./get-patient.ts";

export function updatePatient(id: string, body: UpdatePatientRequest) {
  return apiRequest(endpoints.updatePatient, { params: { id }, body });
}

export function useUpdatePatient(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePatientRequest) => updatePatient(id, body),
    onSuccess: (record) => {
      queryClient.setQueryData(patientQueryOptions(id).queryKey, record);
      void queryClient.invalidateQueries({ queryKey: ["patients"] });
    },
  });
}
