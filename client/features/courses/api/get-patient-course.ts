import { queryOptions, useQuery } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import { apiRequest } from "../../../lib/api-client.ts";

export function getPatientCourse(id: string, signal?: AbortSignal) {
  return apiRequest(endpoints.getPatientCourse, { params: { id }, signal });
}

export const patientCourseKey = (id: string) => ["patients", "course", id] as const;

export const patientCourseQueryOptions = (id: string) =>
  queryOptions({ queryKey: patientCourseKey(id), queryFn: ({ signal }) => getPatientCourse(id, signal) });

export function usePatientCourse(id: string) {
  return useQuery(patientCourseQueryOptions(id));
}
