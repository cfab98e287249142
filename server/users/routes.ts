import { Router } from "express";
import { endpoints } from "../../shared/api/endpoints.ts";
import type { AppContext } from "../app-context.ts";
import { mount } from "../http/route.ts";
import { listStaffRows, toStaffAccount } from "./repo.ts";
import {
  createStaffAccount,
  deactivateStaffAccount,
  reactivateStaffAccount,
  resetStaffPassword,
  unlockStaffAccount,
} from "./service.ts";

export function userRoutes(ctx: AppContext): Router {
  const router = Router();
  mount(router, endpoints.listStaffAccounts, async () => {
    const now = ctx.now();
    return (await listStaffRows(ctx.db)).map((row) => toStaffAccount(row, now));
  });
  mount(router, endpoints.createStaffAccount, ({ body, user }) => createStaffAccount(ctx, user, body));
  mount(router, endpoints.resetStaffPassword, ({ params, body, user }) =>
    resetStaffPassword(ctx, user, params.id, body.password),
  );
  mount(router, endpoints.deactivateStaffAccount, ({ params, user }) =>
    deactivateStaffAccount(ctx, user, params.id),
  );
  mount(router, endpoints.reactivateStaffAccount, ({ params, user }) =>
    reactivateStaffAccount(ctx, user, params.id),
  );
  mount(router, endpoints.unlockStaffAccount, ({ params, user }) => unlockStaffAccount(ctx, user, params.id));
  return router;
}
