// What normalization turns characters and entities into, shared by the plain-text path
// (plain-text.ts) and the HTML path (normalize.ts).

export const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', nbsp: ' ', laquo: '"', raquo: '"', apos: "'" };
export const ENTITY = /^&(?:#(\d{1,6})|#x([0-9a-f]{1,6})|([a-z]{2,6}));/i;

/** What a code unit becomes (-1: dropped), decided by one function: the loops using it stay branch-light. */
export function mapChar(code: number): number {
  if (code === 0x0451) return 0x0435; // ё → е: the stages match on е only
  if (code === 0x0401) return 0x0415;
  if (code === 0xab || code === 0xbb || code === 0x201e || code === 0x201c || code === 0x201d || code === 0x201f) return 0x22;
  if (code === 0x2018 || code === 0x2019) return 0x27;
  if (code === 0x2013 || code === 0x2014 || code === 0x2212) return 0x2d;
  if (code === 0x09 || code === 0x0d || code === 0x0b || code === 0x0c || code === 0xa0 || code === 0x2007 || code === 0x202f || code === 0x2009) return 0x20;
  if ((code >= 0x200b && code <= 0x200d) || code === 0xfeff || code === 0xad || (code < 0x20 && code !== 0x0a)) return -1;
  return code;
}
