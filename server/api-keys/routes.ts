import { Router } from "express";
import { endpoints } from "../../shared/api/endpoints.ts";
import type { AppContext } from "../app-context.ts";
import { mount } from "../http/route.ts";
import { listApiKeys } from "./repo.ts";
import { createApiKey, revokeApiKey } from "./service.ts";

export function apiKeyRoutes(ctx: AppContext): Router {
  const router = Router();
  mount(router, endpoints.createApiKey, ({ body, user }) => createApiKey(ctx, user, body.label));
  mount(router, endpoints.listApiKeys, () => listApiKeys(ctx.db));
  mount(router, endpoints.revokeApiKey, ({ params, user }) => revokeApiKey(ctx, user, params.id));
  return router;
}
