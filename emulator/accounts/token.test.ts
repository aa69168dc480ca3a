import { describe, expect, it } from "vitest";
import {
  consent,
  exchangeCode,
  postForm,
  signIn,
  TEST_CLIENT,
} from "../testing/flow";
import { advance, USERS, useEmulator } from "../testing/setup";

const emulator = useEmulator();
const us = () => emulator().dataCentres.us?.accountsUrl ?? "";

async function codeFor(user = USERS.priya, extra?: Record<string, string>) {
  const back = await consent(emulator(), { user, extra });
  return back.searchParams.get("code") ?? "";
}

function exchangeParams(code: string) {
  return {
    grant_type: "authorization_code",
    client_id: TEST_CLIENT.clientId,
    client_secret: TEST_CLIENT.clientSecret,
    redirect_uri: TEST_CLIENT.redirectUris[0] as string,
    code,
  };
}

describe("authorization_code grant", () => {
  it("returns Zoho's fields with the emulator's own api_domain", async () => {
    const { status, body } = await exchangeCode(us(), await codeFor());

    expect(status).toBe(200);
    expect(body).toMatchObject({
      token_type: "Bearer",
      expires_in: 3600,
      api_domain: emulator().dataCentres.us?.apiUrl,
    });
    expect(body.access_token).toMatch(/^1000\.[0-9a-f]{32}\.[0-9a-f]{32}$/);
    expect(body.refresh_token).toMatch(/^1000\./);
    expect(body).not.toHaveProperty("expires_in_sec");
  });

  it("accepts parameters in the query string", async () => {
    const query = new URLSearchParams(exchangeParams(await codeFor()));
    const res = await fetch(`${us()}/oauth/v2/token?${query}`, {
      method: "POST",
    });

    expect((await res.json()).access_token).toBeDefined();
  });

  it("accepts a multipart body, as the SDK sends it", async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries(exchangeParams(await codeFor()))) {
      form.set(k, v);
    }
    const res = await fetch(`${us()}/oauth/v2/token`, {
      method: "POST",
      body: form,
    });

    expect((await res.json()).access_token).toBeDefined();
  });

  it("answers invalid_code with HTTP 200 for a code exchanged twice", async () => {
    const code = await codeFor();
    await exchangeCode(us(), code);
    const second = await exchangeCode(us(), code);

    expect(second).toEqual({ status: 200, body: { error: "invalid_code" } });
  });

  it("answers invalid_code for a code exchanged after 2 minutes", async () => {
    const code = await codeFor();
    await advance(emulator(), 120_000);

    expect((await exchangeCode(us(), code)).body.error).toBe("invalid_code");
  });

  it("accepts a code just before 2 minutes", async () => {
    const code = await codeFor();
    await advance(emulator(), 119_000);

    expect((await exchangeCode(us(), code)).body.access_token).toBeDefined();
  });

  it("answers invalid_code for an unknown code", async () => {
    const { body } = await exchangeCode(us(), "1000.abc.def");
    expect(body.error).toBe("invalid_code");
  });

  it("answers invalid_code for another client's code", async () => {
    const other = { ...TEST_CLIENT, clientId: "1000.OTHER", name: "Other" };
    emulator().registerClient(other);
    const { body } = await exchangeCode(us(), await codeFor(), other);

    expect(body.error).toBe("invalid_code");
  });

  it("answers invalid_client for an unknown client or a wrong secret", async () => {
    const code = await codeFor();
    const params = exchangeParams(code);

    const unknown = await postForm(`${us()}/oauth/v2/token`, {
      ...params,
      client_id: "1000.NOPE",
    });
    const wrong = await postForm(`${us()}/oauth/v2/token`, {
      ...params,
      client_secret: "wrong",
    });
    expect(unknown.body).toEqual({ error: "invalid_client" });
    expect(wrong.body).toEqual({ error: "invalid_client" });
  });

  it("answers invalid_redirect_uri for a mismatched redirect_uri", async () => {
    const params = {
      ...exchangeParams(await codeFor()),
      redirect_uri: "http://127.0.0.1:9/other",
    };
    const { status, body } = await postForm(`${us()}/oauth/v2/token`, params);

    expect(status).toBe(200);
    expect(body).toEqual({ error: "invalid_redirect_uri" });
  });

  it("answers unsupported_grant_type for another grant", async () => {
    const params = { ...exchangeParams("x"), grant_type: "password" };
    const { body } = await postForm(`${us()}/oauth/v2/token`, params);

    expect(body).toEqual({ error: "unsupported_grant_type" });
  });
});

describe("refresh tokens at consent", () => {
  it("are issued only on the first offline consent", async () => {
    const first = await signIn(emulator(), { user: USERS.daniel });
    const second = await signIn(emulator(), { user: USERS.daniel });

    expect(first.refreshToken).toBeDefined();
    expect(second.refreshToken).toBeUndefined();
  });

  it("are not issued again after the first was revoked", async () => {
    const first = await signIn(emulator(), { user: USERS.daniel });
    await postForm(`${us()}/oauth/v2/token/revoke`, {
      token: first.refreshToken!,
    });
    const second = await signIn(emulator(), { user: USERS.daniel });

    expect(second.refreshToken).toBeUndefined();
  });

  it("are issued again with prompt=consent", async () => {
    await signIn(emulator(), { user: USERS.daniel });
    const again = await signIn(emulator(), {
      user: USERS.daniel,
      prompt: "consent",
    });

    expect(again.refreshToken).toBeDefined();
  });

  it("are never issued for access_type=online", async () => {
    const online = await signIn(emulator(), {
      user: USERS.aisha,
      accessType: "online",
    });

    expect(online.refreshToken).toBeUndefined();
    expect(online.accessToken).toMatch(/^1000\./);
  });
});
