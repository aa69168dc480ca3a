/**
 * The one place that reads process.env. Every variable is validated once by
 * a zod schema; messages name the variable and the expected form, never the
 * value. See README "Configuration" and .env.example.
 */
import { z } from "zod";

const csv = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );

const flag = z
  .enum(["0", "1", "true", "false"])
  .optional()
  .transform((v) => v === "1" || v === "true");

const httpUrl = z.url({ protocol: /^https?$/ });

/** `eu=http://127.0.0.1:4201|http://127.0.0.1:4202`: an emulated DC. */
const extraDataCentre = z
  .string()
  .regex(/^[a-z]{2}=[^|=]+\|[^|=]+$/, "must read location=accountsURL|apiURL")
  .transform((entry) => {
    const [location, urls] = entry.split("=") as [string, string];
    const [accountsServer, apiDomain] = urls.split("|") as [string, string];
    return { location, accountsServer, apiDomain };
  })
  .pipe(
    z.object({
      location: z.string(),
      accountsServer: httpUrl,
      apiDomain: httpUrl,
    }),
  );

const logLevels = z.enum([
  "fatal",
  "error",
  "warn",
  "info",
  "debug",
  "trace",
  "silent",
]);

const schema = z.object({
  NEXTAUTH_URL: httpUrl.describe(
    "the portal's public URL, e.g. https://portal.example.com",
  ),
  NEXTAUTH_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)"),
  ZOHO_CLIENT_ID: z
    .string()
    .min(1, "must be the client id from Zoho's API console"),
  ZOHO_CLIENT_SECRET: z
    .string()
    .min(8, "must be the client secret from Zoho's API console"),
  ZOHO_ACCOUNTS_URL: httpUrl.default("https://accounts.zoho.com"),
  ZOHO_EXTRA_DATA_CENTRES: csv
    .pipe(z.array(extraDataCentre))
    .describe("a comma-separated list of location=accountsURL|apiURL"),
  DATABASE_PATH: z.string().min(1).default("./data/portal.db"),
  TOKEN_STORE_KEYS: z.string().optional(),
  PORTAL_DEMO: flag,
  PORTAL_ADMINS: csv.pipe(z.array(z.email())),
  PORTAL_CRM_ORGS: csv.describe(
    "a comma-separated list of the academy's Zoho CRM org ids (id or zgid)",
  ),
  LOG_LEVEL: logLevels.default("info"),
});

export type Env = z.infer<typeof schema>;

/** Thrown when the environment is invalid; lists every bad variable. */
export class EnvError extends Error {
  readonly code = "ENV_INVALID";
}

/** Describes each problem by variable name and expected form only. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const name = String(issue.path[0] ?? "environment");
      const form = schema.shape[name as keyof Env]?.description;
      const hint = form ? ` (expected ${form})` : "";
      return `- ${name}: ${problemOf(issue)}${hint}`;
    })
    .join("\n");
}

/** What is wrong, without the value: zod may quote what it received. */
function problemOf(issue: z.core.$ZodIssue): string {
  if (/received undefined/i.test(issue.message)) return "is not set";
  return issue.message.replace(/,?\s*received .*/i, "");
}

/** Parses an environment object; throws EnvError naming each variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    throw new EnvError(
      `Invalid configuration:\n${describeIssues(result.error)}\n` +
        "See README > Configuration.",
    );
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment of this process, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * What the operator CLI (`npm run tokens`) reads: the database, the token
 * store key and the data centres only, none of the web app's variables.
 * Its log level defaults to warn (log lines go to stderr).
 */
const cliSchema = schema
  .pick({
    DATABASE_PATH: true,
    TOKEN_STORE_KEYS: true,
    ZOHO_EXTRA_DATA_CENTRES: true,
  })
  .extend({ LOG_LEVEL: logLevels.default("warn") });

export type CliEnv = z.infer<typeof cliSchema>;

/** Parses the CLI's environment; throws EnvError naming each variable. */
export function cliEnv(
  source: Record<string, string | undefined> = process.env,
): CliEnv {
  const result = cliSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(
      `Invalid configuration:\n${describeIssues(result.error)}`,
    );
  }
  return result.data;
}

/** The raw log level, readable before the rest is validated. */
export function logLevel(): string {
  return process.env.LOG_LEVEL ?? "info";
}

const launcherSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  PORTAL_DATA_DIR: z.string().min(1).default("data"),
  ZOHO_CLIENT_ID: z.string().optional(),
  DATABASE_PATH: z.string().min(1).default("./data/portal.db"),
});

export type LauncherEnv = z.infer<typeof launcherSchema>;

/**
 * What `npm start` and `npm run db:migrate` read before the portal runs:
 * the port, the demo's data folder, whether Zoho credentials are set.
 */
export function launcherEnv(
  source: Record<string, string | undefined> = process.env,
): LauncherEnv {
  const result = launcherSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(
      `Invalid configuration:\n${describeIssues(result.error)}`,
    );
  }
  return result.data;
}
