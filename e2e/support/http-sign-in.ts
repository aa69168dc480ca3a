/**
 * Signs a user in over plain HTTP, the way a browser would: next-auth's
 * CSRF and sign-in endpoints, the emulator's consent form, the callback.
 * Returns the portal's cookies. Used by benchmarks, not by the specs.
 */

type Jar = Map<string, string>;

function remember(jar: Jar, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const at = pair!.indexOf("=");
    jar.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
}

function cookieHeader(jar: Jar): string {
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

function hiddenFields(html: string): URLSearchParams {
  const form = new URLSearchParams();
  const re = /<input type="hidden" name="([^"]+)" value="([^"]*)">/g;
  for (const [, name, value] of html.matchAll(re)) {
    form.append(decode(name!), decode(value!));
  }
  return form;
}

function decode(text: string): string {
  return text
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

/** Accepts on the consent page at `url`; follows a DC hand-over. */
async function consent(url: string, email: string): Promise<string> {
  const page = await fetch(url);
  const form = hiddenFields(await page.text());
  form.set("user", email);
  form.set("decision", "accept");
  const action = new URL("/oauth/v2/auth", url);
  const answer = await fetch(action, {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  const next = new URL(answer.headers.get("location")!, action).toString();
  return next.includes("/oauth/v2/auth") ? consent(next, email) : next;
}

/** Signs `email` in; returns the Cookie header for later requests. */
export async function signInOverHttp(
  portalUrl: string,
  email: string,
): Promise<string> {
  const jar: Jar = new Map();
  const csrf = await fetch(`${portalUrl}/api/auth/csrf`);
  remember(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };

  const start = await fetch(`${portalUrl}/api/auth/signin/zoho`, {
    method: "POST",
    headers: { cookie: cookieHeader(jar) },
    body: new URLSearchParams({
      csrfToken,
      callbackUrl: "/dashboard",
      json: "true",
    }),
  });
  remember(jar, start);
  const { url } = (await start.json()) as { url: string };

  const callback = await consent(url, email);
  const done = await fetch(callback, {
    headers: { cookie: cookieHeader(jar) },
    redirect: "manual",
  });
  remember(jar, done);
  if (!done.headers.get("location")?.endsWith("/dashboard")) {
    throw new Error(`sign-in of ${email} did not reach the dashboard`);
  }
  return cookieHeader(jar);
}
