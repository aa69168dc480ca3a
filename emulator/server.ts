/**
 * Starts the emulator: one accounts server and one API origin per data
 * centre, all sharing one state and one clock.
 */
import { serve, type ServerType } from "@hono/node-server";
import type { Hono } from "hono";
import { createAccountsApp } from "./accounts/app";
import { createOidcKeys } from "./accounts/oidc-keys";
import { DEFAULT_SEED_FILE, KNOWN_LOCATIONS, resolveLimits } from "./config";
import { createApiApp } from "./crm/app";
import { EmulatorState } from "./state/emulator-state";
import { loadSeed } from "./state/seed";
import type { EmulatorOptions, RunningEmulator } from "./types";

/**
 * Starts every server on its port (0 or absent: a free one) and resolves
 * once all listen. Throws on an unknown data centre or a busy port.
 */
export async function startEmulator(
  options: EmulatorOptions = {},
): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  const dcs = options.dataCentres ?? ["us", "eu"];
  const unknown = dcs.filter((dc) => !isKnownLocation(dc));
  if (unknown.length > 0 || dcs.length === 0) {
    throw new Error(`unknown data centre(s): ${unknown.join(", ")}`);
  }

  const seed = loadSeed(options.seedFile ?? DEFAULT_SEED_FILE);
  const limits = resolveLimits(options.limits);
  const state = new EmulatorState(seed, limits, options.quiet ?? false);
  for (const client of options.clients ?? []) state.registerClient(client);
  const keys = await createOidcKeys();

  const servers: ServerType[] = [];
  try {
    for (const dc of dcs) {
      const ctx = { state, dc, keys };
      const ports = options.ports?.[dc] ?? {};
      const accounts = await listen(
        createAccountsApp(ctx),
        host,
        ports.accounts ?? 0,
        state.quiet,
        servers,
      );
      const api = await listen(
        createApiApp(ctx),
        host,
        ports.api ?? 0,
        state.quiet,
        servers,
      );
      state.dataCentres[dc] = {
        location: dc,
        accountsUrl: originOf(host, accounts),
        apiUrl: originOf(host, api),
      };
    }
  } catch (error) {
    await closeAll(servers);
    throw error;
  }

  const first = state.dataCentres[dcs[0] as string];
  return {
    dataCentres: structuredClone(state.dataCentres),
    controlUrl: first?.accountsUrl ?? "",
    registerClient: (client) => state.registerClient(client),
    stop: () => closeAll(servers),
  };
}

function isKnownLocation(dc: string): boolean {
  return (KNOWN_LOCATIONS as readonly string[]).includes(dc);
}

function originOf(host: string, port: number): string {
  const name = host.includes(":") ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

function listen(
  app: Hono,
  host: string,
  port: number,
  quiet: boolean,
  servers: ServerType[],
): Promise<number> {
  const fetch = quiet ? app.fetch : withRequestLine(app);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname: host }, (info) =>
      resolve(info.port),
    );
    servers.push(server);
    server.once("error", reject);
  });
}

/** One stdout line per request; the query is left out (it holds tokens). */
function withRequestLine(app: Hono): Hono["fetch"] {
  return async (request, ...rest) => {
    const response = await app.fetch(request, ...rest);
    const url = new URL(request.url);
    console.log(
      `${request.method} ${url.host}${url.pathname} ` + `${response.status}`,
    );
    return response;
  };
}

async function closeAll(servers: ServerType[]): Promise<void> {
  await Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          if (!server.listening) return resolve();
          server.close(() => resolve());
          if ("closeAllConnections" in server) server.closeAllConnections();
        }),
    ),
  );
}
