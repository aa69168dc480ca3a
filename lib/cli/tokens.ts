/**
 * `npm run tokens -- <command>`: central logout for operators, on the same
 * database, with the same revocation at Zoho and the same audit entries as
 * the admin console (recorded as done by "cli"). Usage below; exit codes
 * in tokens-exit.ts. Prints no token value; log lines go to stderr.
 */
import { parseArgs } from "node:util";

import { cliEnv } from "@/lib/env";
import { log, sendLogsToStderr } from "@/lib/log";

import {
  listCommand,
  revokeAllCommand,
  revokeCommand,
  revokePendingCommand,
  type Output,
} from "./tokens-commands";
import { openCliContext } from "./tokens-context";
import { CliFailure, EXIT_CODES, type ExitReason } from "./tokens-exit";

const USAGE = `Usage: npm run tokens -- <command> [options]

Commands:
  list [--json]            every stored token and pending revoke
  revoke <id or email>     log one user out and revoke at Zoho
  revoke-all               log everyone out and revoke at Zoho
  revoke-pending           retry the revokes Zoho has not confirmed

Options:
  --db <path>   the portal database (default: DATABASE_PATH or
                ./data/portal.db)
  --json        machine-readable output
  -h, --help    this text

Exit codes: 0 done, 1 Zoho revoke failed (logged out locally, queued),
2 usage, 3 unknown user or token id, 4 database or key unavailable.`;

const OPTIONS = {
  db: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

type Command = (
  deps: Parameters<typeof listCommand>[0],
  out: Output,
  arg?: string,
) => Promise<ExitReason>;

const COMMANDS: Record<string, Command> = {
  list: listCommand,
  revoke: revokeCommand,
  "revoke-all": revokeAllCommand,
  "revoke-pending": revokePendingCommand,
};

/** Parses, runs one command, and returns its exit reason. */
async function main(argv: string[]): Promise<ExitReason> {
  const { values, positionals } = parseCommandLine(argv);
  const [name, target, ...extra] = positionals;
  if (values.help) {
    console.log(USAGE);
    return "OK";
  }
  const command =
    name && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command || extra.length) {
    throw new CliFailure("USAGE", `Unknown command or argument.\n\n${USAGE}`);
  }

  const env = readEnv();
  log.level = env.LOG_LEVEL;
  const context = openCliContext(env, values.db);
  const out: Output = { json: Boolean(values.json), print: console.log };
  try {
    return await command(context.deps, out, target);
  } finally {
    context.close();
  }
}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  } catch (error) {
    throw new CliFailure("USAGE", `${(error as Error).message}\n\n${USAGE}`);
  }
}

function readEnv() {
  try {
    return cliEnv();
  } catch (error) {
    throw new CliFailure("USAGE", (error as Error).message);
  }
}

/** A store or database failure mid-command: the database is unavailable. */
function failureOf(error: unknown): CliFailure {
  if (error instanceof CliFailure) return error;
  const code = (error as { code?: unknown }).code;
  log.error({ event: "cli_failed", status: String(code) }, "command failed");
  return new CliFailure(
    "UNAVAILABLE",
    `The token store failed (${String(code ?? "UNKNOWN")}): ` +
      (error as Error).message,
  );
}

sendLogsToStderr();
try {
  process.exitCode = EXIT_CODES[await main(process.argv.slice(2))];
} catch (error) {
  const failure = failureOf(error);
  console.error(`tokens: ${failure.message}`);
  process.exitCode = EXIT_CODES[failure.reason];
}
