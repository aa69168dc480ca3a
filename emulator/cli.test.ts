import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

describe("npm run emulator", () => {
  it("prints its URLs, serves them and stops on SIGTERM", async () => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "emulator/cli.ts",
        "--ports",
        "us=0:0,eu=0:0",
        "--quiet",
      ],
      { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    child.stdout.setEncoding("utf8");
    while (!out.includes("controls:")) {
      const [chunk] = await once(child.stdout, "data");
      out += chunk;
    }

    const api = /eu: accounts \S+\s+api (\S+)/.exec(out)?.[1] ?? "";
    const res = await fetch(`${api}/crm/v8/org`);
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");

    expect(res.status).toBe(401);
    expect(code).toBe(0);
  });
});
