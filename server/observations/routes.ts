import { Router } from "express";
import { endpoints } from "../../shared/api/endpoints.ts";
import type { AppContext } from "../app-context.ts";
import { mount } from "../http/route.ts";
import { enterObservationInError } from "./amend.ts";
import { recordObservation } from "./service.ts";

export function observationRoutes(ctx: AppContext): Router {
  const router = Router();
  mount(router, endpoints.recordObservation, async ({ params, body, user, setStatus }) => {
    const result = await recordObservation(ctx, user, params.id, body);
    if (!result.created) setStatus(200);
    return result;
  });
  mount(router, endpoints.enterObservationInError, async ({ params, body, user }) =>
    enterObservationInError(ctx, user, params.id, body),
  );
  return router;
}
