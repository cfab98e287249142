import { useMutation, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import type { StartCourseRequest } from "../../../../shared/schemas/course.ts";
import { apiRequest } from "../../../lib/api-client.ts";
import { patientCourseKey } from "./get-patient-course.ts";

export function startCourse(patientId: string, body: StartCourseRequest) {
  return apiRequest(endpoints.startCourse, { params: { id: patientId }, body });
}

export function useStartCourse(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StartCourseRequest) => startCourse(patientId, body),
    onSuccess: (course) => queryClient.setQueryData(patientCourseKey(patientId), course),
  });
}
