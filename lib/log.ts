/**
 * The one logger. Structured JSON lines on stdout (pino). Secret-bearing
 * fields are redacted by name as a second line of defence: callers must
 * never pass token, code, secret or cookie values in the first place.
 */
import pino from "pino";
import { logLevel } from "./env";

const SECRET_FIELDS = [
  "accessToken",
  "refreshToken",
  "grantToken",
  "clientSecret",
  "access_token",
  "refresh_token",
  "client_secret",
  "code",
  "cookie",
  "authorization",
  "token",
  "secret",
];

const redactPaths = SECRET_FIELDS.flatMap((f) => [f, `*.${f}`]);

/** Where lines go: stdout, or stderr once a CLI asks (its stdout is data). */
const sink = {
  fd: 1 as 1 | 2,
  write(line: string): void {
    (this.fd === 2 ? process.stderr : process.stdout).write(line);
  },
};

export const log = pino(
  {
    level: logLevel(),
    base: { app: "zylker-portal" },
    redact: { paths: redactPaths, censor: "[redacted]" },
  },
  sink,
);

/** For CLIs whose stdout is their output: log lines go to stderr. */
export function sendLogsToStderr(): void {
  sink.fd = 2;
}

export type Logger = typeof log;
