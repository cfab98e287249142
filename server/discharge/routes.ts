import { Router } from "express";
import { endpoints } from "../../shared/api/endpoints.ts";
import type { AppContext } from "../app-context.ts";
import { mount } from "../http/route.ts";
import { signDischarge } from "./service.ts";

export function dischargeRoutes(ctx: AppContext): Router {
  const router = Router();
  mount(router, endpoints.signDischarge, async ({ params, body, user }) =>
    signDischarge(ctx, user, params.id, body),
  );
  return router;
}
