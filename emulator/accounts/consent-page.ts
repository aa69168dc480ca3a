/**
 * The sign-in and consent page: pick a seeded user (no passwords), see the
 * client and scopes, Accept or Deny. Built for Playwright: one labelled
 * radio per user, buttons named exactly "Accept" and "Deny".
 */
import { escapeHtml, renderPage } from "../html";
import type { ZohoSeedUser } from "../state/seed";
import type { ZohoAuthorizeRequest } from "./authorize-request";

/** What the page shows. */
export interface ConsentView {
  request: ZohoAuthorizeRequest;
  users: ZohoSeedUser[];
  selected?: string;
  location: string;
  alert?: string;
}

/** Renders the consent form posting back to /oauth/v2/auth. */
export function renderConsentPage(view: ConsentView): string {
  const { request } = view;
  const hidden = request.carried
    .map(([name, value]) => hiddenField(name, value))
    .join("\n");
  const scopes = request.scopes
    .map((s) => `<li>${escapeHtml(s)}</li>`)
    .join("\n");
  const alert = view.alert
    ? `<p class="error" role="alert">${escapeHtml(view.alert)}</p>`
    : "";

  const body = `<main>
<h1>Sign in to Zoho (${escapeHtml(view.location.toUpperCase())})</h1>
${alert}
<p><strong id="client-name">${escapeHtml(request.client.name)}</strong>
would like to access your Zoho account:</p>
<ul aria-label="Requested scopes">
${scopes}
</ul>
<form method="post" action="/oauth/v2/auth">
${hidden}
<fieldset>
<legend>Choose an account</legend>
${view.users.map((u, i) => userRadio(u, i, view.selected)).join("\n")}
</fieldset>
<button type="submit" name="decision" value="accept">Accept</button>
<button type="submit" name="decision" value="deny"
  formnovalidate>Deny</button>
</form>
</main>`;
  return renderPage(`${request.client.name} - Zoho Accounts`, body);
}

function hiddenField(name: string, value: string): string {
  const n = escapeHtml(name);
  return `<input type="hidden" name="${n}" value="${escapeHtml(value)}">`;
}

function userRadio(
  user: ZohoSeedUser,
  index: number,
  selected?: string,
): string {
  const id = `user-${index}`;
  const checked =
    selected?.toLowerCase() === user.email.toLowerCase() ? " checked" : "";
  const email = escapeHtml(user.email);
  const name = `<bdi>${escapeHtml(user.full_name)}</bdi>`;
  return `<label for="${id}"><input type="radio" id="${id}" name="user" \
value="${email}" required${checked}> ${name} (${email})</label>`;
}
