import { queryOptions, useQuery } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import { apiRequest } from "../../../lib/api-client.ts";

export function getSessionCourse(sessionId: string, signal?: AbortSignal) {
  return apiRequest(endpoints.getSessionCourse, { params: { id: sessionId }, signal });
}

export const sessionCourseQueryOptions = (sessionId: string) =>
  queryOptions({
    queryKey: ["sessions", "course", sessionId],
    queryFn: ({ signal }) => getSessionCourse(sessionId, signal),
    // a session never changes course
    staleTime: Number.POSITIVE_INFINITY,
  });

export function useSessionCourse(sessionId: string) {
  return useQuery(sessionCourseQueryOptions(sessionId));
}
