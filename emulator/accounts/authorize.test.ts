import { describe, expect, it } from "vitest";
import { authorizeQuery, consent, TEST_CLIENT } from "../testing/flow";
import { control, USERS, useEmulator } from "../testing/setup";

const emulator = useEmulator();

function authUrl(dc: string, query: URLSearchParams | string) {
  return `${emulator().dataCentres[dc]?.accountsUrl}/oauth/v2/auth?${query}`;
}

describe("GET /oauth/v2/auth", () => {
  it("shows one labelled radio per seeded user of every data centre", async () => {
    const res = await fetch(authUrl("us", authorizeQuery({ user: "" })));
    const html = await res.text();

    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(html.match(/type="radio"/g)).toHaveLength(8);
    expect(html).toContain("<bdi>Daniel O&#39;Brien</bdi> (daniel.obrien@");
    expect(html).toContain("<bdi>عمر حداد</bdi> (omar.haddad@");
    expect(html).toContain("Zylker Academy Portal");
    expect(html).toContain("<li>ZohoCRM.modules.deals.READ</li>");
    expect(html).toMatch(/<button[^>]*value="accept">Accept<\/button>/);
    expect(html).toMatch(/<button[^>]*value="deny"[^>]*>Deny<\/button>/);
  });

  it("escapes every echoed value", async () => {
    const query = authorizeQuery({ user: "", state: '"><script>x</script>' });
    const html = await (await fetch(authUrl("us", query))).text();

    expect(html).not.toContain("<script>x");
    expect(html).toContain("&quot;&gt;&lt;script&gt;x");
  });

  it("renders an error page for an unknown client, never redirecting", async () => {
    const query = authorizeQuery({ user: "" });
    query.set("client_id", "1000.unknown");
    const res = await fetch(authUrl("us", query), { redirect: "manual" });

    expect(res.status).toBe(400);
    expect(await res.text()).toContain("invalid_client");
  });

  it("renders an error page for a mismatched redirect_uri", async () => {
    const query = authorizeQuery({ user: "" });
    query.set("redirect_uri", "http://evil.example/cb");
    const res = await fetch(authUrl("us", query), { redirect: "manual" });

    expect(res.status).toBe(400);
    expect(await res.text()).toContain("invalid_redirect_uri");
  });

  it.each([
    ["response_type", "token", "unsupported_response_type"],
    ["scope", "Nonsense", "invalid_scope"],
    ["scope", "", "invalid_scope"],
    ["access_type", "forever", "invalid_request"],
    ["code_challenge_method", "S512", "invalid_request"],
  ])("redirects %s=%s back with error=%s", async (name, value, error) => {
    const query = authorizeQuery({ user: "", state: "st" });
    query.set(name, value);
    const res = await fetch(authUrl("us", query), { redirect: "manual" });
    const to = new URL(res.headers.get("location") ?? "");

    expect(res.status).toBe(302);
    expect(to.searchParams.get("error")).toBe(error);
    expect(to.searchParams.get("state")).toBe("st");
  });

  it("rejects a repeated parameter with an error page", async () => {
    const query = `${authorizeQuery({ user: "" })}&client_id=x`;
    const res = await fetch(authUrl("us", query), { redirect: "manual" });

    expect(res.status).toBe(400);
    expect(await res.text()).toContain("invalid_request");
  });
});

describe("POST /oauth/v2/auth", () => {
  it("redirects with code, state, location and the encoded accounts-server", async () => {
    const back = await consent(emulator(), { user: USERS.priya, state: "s" });
    const raw = back.toString();

    expect(back.origin + back.pathname).toBe(TEST_CLIENT.redirectUris[0]);
    expect(back.searchParams.get("code")).toMatch(
      /^1000\.[0-9a-f]{32}\.[0-9a-f]{32}$/,
    );
    expect(back.searchParams.get("state")).toBe("s");
    expect(back.searchParams.get("location")).toBe("us");
    expect(back.searchParams.get("accounts-server")).toBe(
      emulator().dataCentres.us?.accountsUrl,
    );
    expect(raw).toContain("accounts-server=http%3A%2F%2F127.0.0.1");
  });

  it("gives error=access_denied with state on Deny", async () => {
    const back = await consent(emulator(), { user: "", state: "z" }, "deny");

    expect(back.searchParams.get("error")).toBe("access_denied");
    expect(back.searchParams.get("state")).toBe("z");
    expect(back.searchParams.has("code")).toBe(false);
  });

  it("hands an EU user over to the EU accounts server", async () => {
    const us = emulator().dataCentres.us?.accountsUrl;
    const eu = emulator().dataCentres.eu?.accountsUrl;
    const form = authorizeQuery({ user: "", state: "h" });
    form.set("user", USERS.lena);
    form.set("decision", "accept");
    const res = await fetch(`${us}/oauth/v2/auth`, {
      method: "POST",
      body: form,
      redirect: "manual",
    });
    const to = new URL(res.headers.get("location") ?? "");

    expect(res.status).toBe(302);
    expect(to.origin).toBe(eu);
    expect(to.searchParams.get("login_hint")).toBe(USERS.lena);
    expect(to.searchParams.get("state")).toBe("h");
    const page = await (await fetch(to)).text();
    expect(page).toMatch(/value="lena\.schmidt@[^"]+" required checked/);
  });

  it("ends an EU hand-over at the portal with location=eu", async () => {
    const back = await consent(emulator(), { user: USERS.sofia });

    expect(back.searchParams.get("location")).toBe("eu");
    expect(back.searchParams.get("accounts-server")).toBe(
      emulator().dataCentres.eu?.accountsUrl,
    );
  });

  it("re-renders the page when Accept comes without a user", async () => {
    const us = emulator().dataCentres.us?.accountsUrl;
    const form = authorizeQuery({ user: "" });
    form.set("decision", "accept");
    const res = await fetch(`${us}/oauth/v2/auth`, {
      method: "POST",
      body: form,
    });

    expect(res.status).toBe(400);
    expect(await res.text()).toContain('role="alert"');
  });

  it("logs consent with the user and client", async () => {
    await consent(emulator(), { user: USERS.aisha });
    const { entries } = await control(emulator(), "GET", "/log");
    const post = entries.find(
      (e: { method: string; kind: string }) =>
        e.kind === "authorize" && e.method === "POST",
    );

    expect(post).toMatchObject({
      dc: "us",
      status: 302,
      user: USERS.aisha,
      clientId: TEST_CLIENT.clientId,
    });
  });
});
