// Court sites serve windows-1251, sometimes with a wrong or missing charset header, and saved
// pages are often re-saved as UTF-8 while their <meta> still says windows-1251. Trust the
// header, then the <meta>, then the bytes, and let valid multi-byte UTF-8 overrule a claim of
// windows-1251 (a cp1251 page is practically never valid UTF-8 once it holds Cyrillic).
import iconv from 'iconv-lite';

export interface DecodedBody {
  text: string;
  /** The encoding actually used, e.g. 'windows-1251' or 'utf-8'. */
  encoding: string;
}

const CHARSET_IN_HEADER = /charset\s*=\s*["']?([\w:.-]+)/i;
// Both <meta charset="…"> and <meta http-equiv="Content-Type" content="text/html; charset=…">.
const CHARSET_IN_META = /<meta\b[^>]*?charset\s*=\s*["']?([\w:.-]+)/i;

const ALIASES: Record<string, string> = {
  cp1251: 'windows-1251',
  'win-1251': 'windows-1251',
  windows1251: 'windows-1251',
  'x-cp1251': 'windows-1251',
  utf8: 'utf-8',
};

/** A canonical charset name iconv-lite knows, or null for a missing or unknown one. */
export function normalizeCharset(name: string | null | undefined): string | null {
  if (!name) return null;
  const lower = name.trim().toLowerCase();
  const canonical = ALIASES[lower] ?? lower;
  return iconv.encodingExists(canonical) ? canonical : null;
}

function isValidUtf8(raw: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(raw);
    return true;
  } catch {
    return false;
  }
}

/** True when the bytes hold at least one multi-byte UTF-8 sequence (pure ASCII is ambiguous). */
function hasMultiByte(raw: Uint8Array): boolean {
  return raw.some((byte) => byte >= 0x80);
}

function declaredCharset(raw: Uint8Array, contentType: string | null): string | null {
  const fromHeader = normalizeCharset(contentType?.match(CHARSET_IN_HEADER)?.[1]);
  if (fromHeader) return fromHeader;
  // The <meta> sits in the head: the first few kB are enough, read as Latin-1 to stay byte-exact.
  const head = Buffer.from(raw.subarray(0, 4096)).toString('latin1');
  return normalizeCharset(head.match(CHARSET_IN_META)?.[1]);
}

export function decodeBody(raw: Uint8Array, contentType: string | null): DecodedBody {
  const declared = declaredCharset(raw, contentType);
  const utf8 = isValidUtf8(raw);
  let encoding: string;
  if (declared === 'utf-8') encoding = utf8 ? 'utf-8' : 'windows-1251'; // a lying header
  else if (declared === 'windows-1251') encoding = utf8 && hasMultiByte(raw) ? 'utf-8' : 'windows-1251'; // re-saved page
  else if (declared) encoding = declared;
  else encoding = utf8 ? 'utf-8' : 'windows-1251';
  let text = iconv.decode(Buffer.from(raw), encoding);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding };
}

const UNRESERVED = /[A-Za-z0-9.\-_*]/;

/**
 * Percent-encodes a query value in windows-1251, as sudrf search forms submit it
 * («Найти» → %CD%E0%E9%F2%E8, «18.8 ч.1.1» → 18.8+%F7.1.1). UTF-8 values find nothing.
 */
export function encodeQueryValue(value: string): string {
  let out = '';
  for (const byte of iconv.encode(value, 'windows-1251')) {
    const char = String.fromCharCode(byte);
    if (byte === 0x20) out += '+';
    else if (byte < 0x80 && UNRESERVED.test(char)) out += char;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The reverse of encodeQueryValue: «18.8+%F7.1.1» → «18.8 ч.1.1». Malformed escapes stay as written. */
export function decodeQueryValue(encoded: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i += 1) {
    const char = encoded[i]!;
    const hex = encoded.slice(i + 1, i + 3);
    if (char === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (char === '+') bytes.push(0x20);
    else bytes.push(...iconv.encode(char, 'windows-1251'));
  }
  return iconv.decode(Buffer.from(bytes), 'windows-1251');
}
