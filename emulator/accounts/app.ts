/**
 * The Hono app of one data centre's accounts server.
 */
import { Hono } from "hono";
import { mountControls } from "../controls";
import type { DcContext } from "../http/context";
import { jsonResponse } from "../http/context";
import { mountAuthorize } from "./authorize";
import { mountDiscovery } from "./discovery";
import { mountProfile } from "./profile";
import { mountRevoke } from "./revoke";
import { mountToken } from "./token";

/** Builds the accounts app: OAuth, profile, OIDC and the controls. */
export function createAccountsApp(ctx: DcContext): Hono {
  const app = new Hono();
  mountControls(app, ctx.state);
  mountAuthorize(app, ctx);
  mountRevoke(app, ctx);
  mountToken(app, ctx);
  mountProfile(app, ctx);
  mountDiscovery(app, ctx);

  app.notFound(() =>
    jsonResponse({ error: "invalid_request", status: "failure" }, 404),
  );
  app.onError(() =>
    jsonResponse({ error: "internal_error", status: "failure" }, 500),
  );
  return app;
}
