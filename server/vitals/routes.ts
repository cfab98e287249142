import { Router } from "express";
import { endpoints } from "../../shared/api/endpoints.ts";
import type { AppContext } from "../app-context.ts";
import { mount } from "../http/route.ts";
import { enterReadingInError } from "./amend.ts";
import { recordVitals } from "./service.ts";

export function vitalsRoutes(ctx: AppContext): Router {
  const router = Router();
  mount(router, endpoints.recordVitals, async ({ params, body, user, setStatus }) => {
    const result = await recordVitals(ctx, user, params.id, body);
    if (!result.created) setStatus(200);
    return result;
  });
  mount(router, endpoints.enterReadingInError, async ({ params, body, user }) =>
    enterReadingInError(ctx, user, params.id, body),
  );
  return router;
}
