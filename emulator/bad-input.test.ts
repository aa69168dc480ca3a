import { describe, expect, it } from "vitest";
import { consent, crmGet, postForm, TEST_CLIENT } from "./testing/flow";
import { USERS, useEmulator } from "./testing/setup";

const emulator = useEmulator();
const tokenUrl = () =>
  `${emulator().dataCentres.us?.accountsUrl}/oauth/v2/token`;

async function freshCode() {
  const back = await consent(emulator(), { user: USERS.priya });
  return back.searchParams.get("code") ?? "";
}

function baseParams(code: string): Record<string, string> {
  return {
    grant_type: "authorization_code",
    client_id: TEST_CLIENT.clientId,
    client_secret: TEST_CLIENT.clientSecret,
    redirect_uri: TEST_CLIENT.redirectUris[0] as string,
    code,
  };
}

describe("malformed token requests", () => {
  it("answers invalid_request for a repeated parameter", async () => {
    const body = new URLSearchParams(baseParams(await freshCode()));
    body.append("code", "1000.other.code");
    const res = await fetch(tokenUrl(), { method: "POST", body });

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ error: "invalid_request" });
  });

  it("answers invalid_request for a parameter in query and body", async () => {
    const code = await freshCode();
    const res = await fetch(`${tokenUrl()}?code=${code}`, {
      method: "POST",
      body: new URLSearchParams(baseParams(code)),
    });

    expect(await res.json()).toEqual({ error: "invalid_request" });
  });

  it("ignores a JSON body, so the client is missing", async () => {
    const res = await fetch(tokenUrl(), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(baseParams(await freshCode())),
    });

    expect(await res.json()).toEqual({ error: "invalid_client" });
  });

  it("answers 413 invalid_request for an oversized body", async () => {
    const res = await fetch(tokenUrl(), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `code=${"a".repeat(70_000)}`,
    });

    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: "invalid_request" });
  });

  it("answers invalid_request for a broken multipart body", async () => {
    const res = await fetch(tokenUrl(), {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=zz" },
      body: "--zz\r\nnot a part",
    });

    expect(await res.json()).toEqual({ error: "invalid_request" });
  });

  it.each(["client_id", "client_secret", "code", "redirect_uri"])(
    "answers a Zoho error without %s",
    async (name) => {
      const params = baseParams(await freshCode());
      delete params[name];
      const { status, body } = await postForm(tokenUrl(), params);

      expect(status).toBe(200);
      expect(String(body.error)).toMatch(/^invalid_/);
    },
  );

  it("answers 405 for GET on the token endpoint", async () => {
    expect((await fetch(tokenUrl())).status).toBe(405);
  });

  it("keeps serving after all of the above", async () => {
    const { body } = await postForm(tokenUrl(), baseParams(await freshCode()));
    expect(body.access_token).toBeDefined();
  });
});

describe("malformed API and accounts requests", () => {
  it("answers AUTHENTICATION_FAILURE for a header with control chars", async () => {
    const api = emulator().dataCentres.us?.apiUrl ?? "";
    const res = await crmGet(api, "/crm/v8/org", "a b");

    expect(res.status).toBe(401);
    expect((await res.json()).code).toBe("AUTHENTICATION_FAILURE");
  });

  it("answers JSON 404 for an unknown accounts path", async () => {
    const res = await fetch(`${emulator().controlUrl}/nope`);

    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/json/);
  });

  it("answers 413 on an oversized consent post", async () => {
    const res = await fetch(`${emulator().controlUrl}/oauth/v2/auth`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `state=${"s".repeat(70_000)}`,
    });

    expect(res.status).toBe(400);
    expect(await res.text()).toContain("too_large");
  });
});
