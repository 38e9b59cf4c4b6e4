// Turning response bytes into text. Court sites serve windows-1251, sometimes with a wrong
// or missing charset header: trust the header, then the <meta>, then the bytes themselves.
import iconv from 'iconv-lite';

const CHARSET_IN_HEADER = /charset\s*=\s*["']?([\w-]+)/i;
const CHARSET_IN_META = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i;

function normalizeCharset(name: string | undefined): string | null {
  if (!name) return null;
  const lower = name.toLowerCase();
  if (lower === 'cp1251' || lower === 'win-1251' || lower === 'windows1251') return 'windows-1251';
  return iconv.encodingExists(lower) ? lower : null;
}

function isValidUtf8(raw: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(raw);
    return true;
  } catch {
    return false;
  }
}

export function decodeBody(raw: Uint8Array, contentType: string | null): { text: string; encoding: string } {
  const head = Buffer.from(raw.subarray(0, 4096)).toString('latin1');
  const declared =
    normalizeCharset(contentType?.match(CHARSET_IN_HEADER)?.[1]) ?? normalizeCharset(head.match(CHARSET_IN_META)?.[1]);
  // A page that says UTF-8 but is not valid UTF-8 is, on court sites, windows-1251.
  let encoding = declared ?? (isValidUtf8(raw) ? 'utf-8' : 'windows-1251');
  if (encoding === 'utf-8' && !isValidUtf8(raw)) encoding = 'windows-1251';
  // A page that says windows-1251 but is valid multi-byte UTF-8 was re-saved as UTF-8.
  if (encoding === 'windows-1251' && /[\u0400-\u04ff]/.test(new TextDecoder().decode(raw.subarray(0, 65536))) && isValidUtf8(raw)) {
    encoding = 'utf-8';
  }
  return { text: iconv.decode(Buffer.from(raw), encoding), encoding };
}

/** Percent-encodes a query value in windows-1251, as sudrf search forms expect. */
export function encodeQueryValueCp1251(value: string): string {
  let out = '';
  for (const byte of iconv.encode(value, 'windows-1251')) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9.\-_*]/.test(ch)) out += ch;
    else if (byte === 0x20) out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
