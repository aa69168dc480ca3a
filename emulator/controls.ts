/**
 * Test controls under /__emulator/, served on every origin and never part
 * of the Zoho surface: clock, log, reset, faults, clients, token listing.
 */
import type { Context, Hono } from "hono";
import { z } from "zod";
import { jsonResponse } from "./http/context";
import { readLimited } from "./http/params";
import { parseFault } from "./state/faults";
import type { EmulatorState } from "./state/emulator-state";

const clientSchema = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  name: z.string().min(1),
  redirectUris: z.array(z.url()).min(1),
});

const clockSchema = z.object({ advanceMs: z.number().int().min(0) });

/** Mounts every control route on an app. */
export function mountControls(app: Hono, state: EmulatorState): void {
  const base = "/__emulator";
  app.get(`${base}/clock`, () => jsonResponse({ now: state.clock.now() }));
  app.post(`${base}/clock`, (c) =>
    withBody(c, state, clockSchema, (b) =>
      jsonResponse({ now: state.clock.advance(b.advanceMs) }),
    ),
  );

  app.get(`${base}/log`, () => jsonResponse({ entries: state.log.list() }));
  app.delete(`${base}/log`, () => {
    state.log.clear();
    return jsonResponse({ status: "success" });
  });
  app.post(`${base}/reset`, () => {
    state.reset();
    return jsonResponse({ status: "success" });
  });

  mountFaults(app, state, base);
  mountListings(app, state, base);
}

function mountFaults(app: Hono, state: EmulatorState, base: string): void {
  app.get(`${base}/faults`, () =>
    jsonResponse({ faults: state.faults.list() }),
  );
  app.post(`${base}/faults`, async (c) => {
    const body = await readJson(c, state);
    const fault = parseFault(body);
    if (!fault) return badControl("invalid fault");
    state.faults.add(fault);
    return jsonResponse({ status: "success" });
  });
  app.delete(`${base}/faults`, () => {
    state.faults.clear();
    return jsonResponse({ status: "success" });
  });
}

function mountListings(app: Hono, state: EmulatorState, base: string): void {
  app.post(`${base}/clients`, (c) =>
    withBody(c, state, clientSchema, (client) => {
      state.registerClient(client);
      return jsonResponse({ status: "success" });
    }),
  );
  app.get(`${base}/refresh-tokens`, () =>
    jsonResponse(
      [...state.tokens.refresh.values()].map((g) => ({
        digest: g.digest,
        user: state.userByZuid(g.zuid)?.email ?? null,
        clientId: g.clientId,
        dc: g.dc,
        createdAt: g.createdAt,
        revokedAt: g.revokedAt,
        evictedAt: g.evictedAt,
      })),
    ),
  );
  app.get(`${base}/users`, () =>
    jsonResponse(
      state.seed.users.map((u) => ({
        email: u.email,
        name: u.full_name,
        dc: u.dc,
        profile: u.profile,
        role: u.role,
      })),
    ),
  );
  app.get(`${base}/orgs`, () =>
    jsonResponse(
      state.seed.orgs.map((o) => ({
        dc: o.dc,
        id: o.id,
        zgid: o.zgid,
        name: o.company_name,
      })),
    ),
  );
}

async function withBody<T>(
  c: Context,
  state: EmulatorState,
  schema: z.ZodType<T>,
  act: (body: T) => Response,
): Promise<Response> {
  const parsed = schema.safeParse(await readJson(c, state));
  if (!parsed.success) return badControl(parsed.error.message);
  return act(parsed.data);
}

async function readJson(c: Context, state: EmulatorState): Promise<unknown> {
  const bytes = await readLimited(c.req.raw, state.limits.maxBodyBytes);
  if (!bytes) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}

function badControl(message: string): Response {
  return jsonResponse({ error: "invalid_control", message }, 400);
}
