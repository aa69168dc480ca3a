/**
 * HTML helpers for the consent and error pages. Every echoed value goes
 * through `escapeHtml`.
 */

/** Escapes text for HTML element content and quoted attributes. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** A whole page; `body` must already be escaped. */
export function renderPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 36rem;
  margin: 2rem auto; padding: 0 1rem; }
fieldset { border: 1px solid #ccc; padding: 0.5rem 1rem; }
label { display: block; padding: 0.25rem 0; }
button { margin: 1rem 0.5rem 0 0; padding: 0.4rem 1.2rem; }
.error { color: #a00; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** The page Zoho shows when an authorize request cannot be trusted. */
export function renderErrorPage(error: string, detail: string): string {
  const body = `<main>
<h1>Zoho Accounts</h1>
<p class="error" role="alert">${escapeHtml(error)}</p>
<p>${escapeHtml(detail)}</p>
</main>`;
  return renderPage("Error - Zoho Accounts", body);
}
