/**
 * Reads OAuth parameters the way Zoho Accounts accepts them: from the query
 * string, a urlencoded body or a multipart body (Zoho docs: token endpoint). A
 * body of any
 * other content type is ignored, so the request fails on what it lacks.
 */

/** Parameters by name, or why they could not be read. */
export type ZohoParamResult =
  | { ok: true; params: Map<string, string> }
  | { ok: false; error: "repeated" | "too_large" | "malformed"; name?: string };

/** Reads query and body parameters; any name given twice is an error. */
export async function readParams(
  request: Request,
  maxBytes: number,
): Promise<ZohoParamResult> {
  const query = [...new URL(request.url).searchParams.entries()];
  const body = await readBodyPairs(request, maxBytes);
  if (!Array.isArray(body)) return { ok: false, error: body };

  const params = new Map<string, string>();
  for (const [name, value] of [...query, ...body]) {
    if (params.has(name)) return { ok: false, error: "repeated", name };
    params.set(name, value);
  }
  return { ok: true, params };
}

type BodyPairs = [string, string][] | "too_large" | "malformed";

async function readBodyPairs(
  request: Request,
  maxBytes: number,
): Promise<BodyPairs> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  const bytes = await readLimited(request, maxBytes);
  if (bytes === null) return "too_large";
  if (bytes.length === 0) return [];

  if (type.startsWith("application/x-www-form-urlencoded")) {
    const text = new TextDecoder().decode(bytes);
    return [...new URLSearchParams(text).entries()];
  }
  if (type.startsWith("multipart/form-data")) {
    return readMultipart(bytes, type);
  }
  return [];
}

async function readMultipart(
  bytes: Uint8Array,
  type: string,
): Promise<BodyPairs> {
  try {
    const form = await new Response(new Uint8Array(bytes), {
      headers: { "content-type": type },
    }).formData();
    const pairs: [string, string][] = [];
    form.forEach((value, name) => {
      if (typeof value === "string") pairs.push([name, value]);
    });
    return pairs;
  } catch {
    return "malformed";
  }
}

/**
 * The body, or null past `maxBytes`. An oversized body is still drained
 * (up to a hard stop) so the client reads our error instead of a reset.
 */
export async function readLimited(
  request: Request,
  maxBytes: number,
): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (!request.body) return new Uint8Array();

  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total <= maxBytes) chunks.push(value);
    if (total > maxBytes * 64) break;
  }

  if (total > maxBytes || declared > maxBytes) return null;
  return Buffer.concat(chunks);
}
