/**
 * The Hono app of one data centre's API origin: CRM v8 and the controls.
 */
import { Hono } from "hono";
import { mountControls } from "../controls";
import type { DcContext } from "../http/context";
import { getOrg, listFields, listUsers } from "./meta";
import { countRecords, getRecord, listRecords } from "./records";
import { crmError, toResponse } from "./reply";
import { searchRecords } from "./search";
import { serveCrm } from "./serve";

/** Zoho's answer to a path it does not serve. */
const URL_PATTERN = crmError(
  "INVALID_URL_PATTERN",
  404,
  "Please check if the URL trying to access is a correct one",
);

/** Builds the API app: users, org, fields, list, count, get, search. */
export function createApiApp(ctx: DcContext): Hono {
  const app = new Hono();
  mountControls(app, ctx.state);

  app.get("/crm/v8/users", (c) => serveCrm(c, ctx, listUsers));
  app.get("/crm/v8/org", (c) => serveCrm(c, ctx, getOrg));
  app.get("/crm/v8/settings/fields", (c) => serveCrm(c, ctx, listFields));
  app.get("/crm/v8/:module/search", (c) =>
    serveCrm(c, ctx, (call) => searchRecords(call, c.req.param("module"))),
  );
  app.get("/crm/v8/:module/actions/count", (c) =>
    serveCrm(c, ctx, (call) => countRecords(call, c.req.param("module"))),
  );
  app.get("/crm/v8/:module/:id", (c) =>
    serveCrm(c, ctx, (call) =>
      getRecord(call, c.req.param("module"), c.req.param("id")),
    ),
  );
  app.get("/crm/v8/:module", (c) =>
    serveCrm(c, ctx, (call) => listRecords(call, c.req.param("module"))),
  );

  app.notFound(() => toResponse(URL_PATTERN));
  app.onError(() =>
    toResponse(crmError("INTERNAL_ERROR", 500, "Internal Server Error")),
  );
  return app;
}
