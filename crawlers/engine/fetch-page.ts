// One HTTP GET with a timeout and a browser-like User-Agent that names Kuzet and a contact.
// Decoding (windows-1251 and friends) happens here so sources only ever see text.
import { decodeBody } from './decode.ts';

export const userAgent = (contact = process.env.KUZET_CONTACT ?? 'kuzet-admin@example.org') =>
  `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36 Kuzet/0.1 (court monitoring for the consular service of Kyrgyzstan; contact: ${contact})`;

/** Headers worth keeping with a stored document. */
const KEPT_HEADERS = ['content-type', 'retry-after', 'last-modified', 'etag', 'date', 'location', 'content-length'];

export interface HttpResponse {
  httpStatus: number;
  headers: Record<string, string>;
  raw: Uint8Array;
  text: string;
  encoding: string;
}

/** A failure where nothing usable came back (timeout, refused connection, reset). */
export class FetchFailure extends Error {
  constructor(
    message: string,
    readonly kind: 'timeout' | 'network',
  ) {
    super(message);
  }
}

export async function fetchPage(url: string, timeoutMs: number): Promise<HttpResponse> {
  let response: Response;
  let body: ArrayBuffer;
  try {
    response = await fetch(url, {
      headers: { 'user-agent': userAgent(), accept: 'text/html,application/xhtml+xml', 'accept-language': 'ru' },
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
    });
    body = await response.arrayBuffer();
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') throw new FetchFailure(`timeout after ${timeoutMs} ms`, 'timeout');
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    throw new FetchFailure(`${error instanceof Error ? error.message : String(error)}${cause}`, 'network');
  }
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  const raw = new Uint8Array(body);
  const { text, encoding } = decodeBody(raw, response.headers.get('content-type'));
  return { httpStatus: response.status, headers, raw, text, encoding };
}

/**
 * Node loads its HTTP client on the first fetch(), which delays that request by tens of ms
 * after its politeness slot. Loading it before the crawl keeps requests on their slots.
 */
export async function warmUpHttpClient(): Promise<void> {
  await (await fetch('data:text/plain,warm')).text();
}
