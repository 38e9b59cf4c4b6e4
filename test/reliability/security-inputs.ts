// What the security sweep sends and what it looks for: SQL-injection strings by class, the
// inputs each route reads, script payloads that say where they were planted, and the checks
// on a page (nothing runs), on headers (CSP and friends) and on a CSV cell (no formula).
import { load } from 'cheerio';
import type { RouteRule } from '../../dashboard/server.ts';

export interface InjectionClass {
  name: string;
  values: string[];
}

export const SQL_INJECTIONS: InjectionClass[] = [
  { name: 'quotes', values: ["'", "''", '"', "\\'", "1'", "')"] },
  { name: 'tautology', values: ["' OR 1=1 --", "' OR '1'='1", '1 OR 1=1', "all' OR 'x'='x", "66' OR region_code LIKE '%"] },
  { name: 'stacked', values: ["'; drop table cases; --", '1; DROP TABLE users; --', "'); DELETE FROM cases; --", '1); TRUNCATE sessions; --'] },
  { name: 'union', values: ["' UNION SELECT username, password_hash FROM users --", '1 UNION SELECT NULL, NULL --'] },
  { name: 'comment', values: ['/*', '*/', '--', '1/**/OR/**/1=1'] },
  { name: 'nul', values: ['\u0000', "a\u0000' OR 1=1 --", '%00'] },
  { name: 'long', values: ['A'.repeat(100_000), "'".repeat(10_000), '1'.repeat(400)] },
  { name: 'unicode', values: ['Мамытов\u202e', '\ud800', '😀🇰🇬', 'ʼ OR 1=1 --', '＇ OR 1=1 --', 'ı̇'] },
  { name: 'numbers', values: ['-1', '0', '2147483648', '99999999999999999999', '1e309', 'NaN', '0x10', '1.5', ' 1'] },
  { name: 'like wildcards', values: ['%', '_', '*', '%25'] },
  { name: 'sleep', values: ["'; SELECT pg_sleep(5); --", '1 AND pg_sleep(5)'] },
];

/** The filter keys of the queue and the trends (dashboard/routes/case-filter-query.ts). */
export const FILTER_KEYS = ['district', 'region', 'court', 'article', 'outcome', 'strength', 'from', 'to'];

export interface RouteInputs {
  query: string[];
  form: string[];
}

/**
 * Every input each route reads, besides `:id` in its path (found from the path) and `_csrf`.
 * A route missing here fails the sweep; the forms and links on the pages are checked against it.
 */
export const ROUTE_INPUTS: Record<string, RouteInputs> = {
  'GET /login': { query: ['lang', 'next'], form: [] },
  'POST /login': { query: [], form: ['username', 'password', 'next'] },
  'POST /logout': { query: [], form: [] },
  'GET /': { query: [...FILTER_KEYS, 'after'], form: [] },
  'GET /cases/:id': { query: [], form: [] },
  'POST /cases/:id/review': { query: [], form: ['status', 'note', 'assignedTo', 'back'] },
  'GET /documents/:id/raw': { query: [], form: [] },
  'GET /followed': { query: [], form: [] },
  'POST /cases/:id/follow': { query: [], form: [] },
  'POST /cases/:id/unfollow': { query: [], form: [] },
  'POST /cases/:id/follow-person': { query: [], form: ['name', 'follow'] },
  'GET /detainees': { query: ['page', 'district'], form: [] },
  // `file` is the uploaded CSV (multipart); sent as a plain field it is a missing file, refused.
  'POST /detainees/import': { query: [], form: ['district', 'file'] },
  'GET /detainees/:id': { query: [], form: [] },
  'GET /search': { query: ['name', 'birthDate'], form: [] },
  'POST /matches/:id/review': { query: [], form: ['decision'] },
  'GET /trends': { query: FILTER_KEYS, form: [] },
  'GET /trends.csv': { query: FILTER_KEYS, form: [] },
  'GET /sources': { query: [], form: [] },
  'GET /admin/users': { query: [], form: [] },
  'POST /admin/users': { query: [], form: ['username', 'displayName', 'role', 'district', 'password'] },
  'POST /admin/users/:id/disable': { query: [], form: [] },
  'POST /admin/users/:id/enable': { query: [], form: [] },
  'POST /settings/language': { query: [], form: ['language', 'back'] },
};

export const routeKey = (rule: Pick<RouteRule, 'method' | 'path'>) => `${rule.method} ${rule.path}`;

/** The route-table rule a concrete path belongs to (`/cases/12/review` → `/cases/:id/review`). */
export function ruleOf(rules: RouteRule[], method: string, path: string): RouteRule | undefined {
  return rules.find((rule) => rule.method === method && new RegExp(`^${rule.path.replace(/\./g, '\\.').replace(/:[a-z]+/gi, '[^/]+')}$`).test(path));
}

/** Forms and local links on a page: which route each one reaches, with which input names. */
export function inputsOnPage(html: string): { method: string; path: string; names: string[] }[] {
  const $ = load(html);
  const found: { method: string; path: string; names: string[] }[] = [];
  $('form').each((_, form) => {
    const action = new URL($(form).attr('action') ?? '', 'http://localhost/');
    const names = $(form)
      .find('input[name], select[name], textarea[name], button[name]')
      .map((_i, field) => $(field).attr('name')!)
      .get();
    found.push({ method: ($(form).attr('method') ?? 'get').toUpperCase(), path: action.pathname, names: [...new Set([...names, ...action.searchParams.keys()])] });
  });
  $('a[href^="/"]').each((_, link) => {
    const url = new URL($(link).attr('href')!, 'http://localhost/');
    found.push({ method: 'GET', path: url.pathname, names: [...new Set(url.searchParams.keys())] });
  });
  return found;
}

/** What a database error looks like when it leaks into a response. */
export const SQL_ERROR_TEXT =
  /syntax error at or near|SQLSTATE|PostgresError|Failed query|invalid input syntax|unterminated quoted|relation "[a-z_]+" does not exist|column "[a-z_]+" does not exist|DrizzleError|\n\s+at .+:\d+:\d+/i;

/** A script payload that names where it was planted (n), in every form that has bitten someone. */
export const xssPayload = (n: number) =>
  `<script>window.__xss=${n}</script><img src=x onerror="window.__xss=${n}">` +
  `"><svg onload="window.__xss=${n}"></svg>'><iframe src="javascript:window.__xss=${n}"></iframe><a href="javascript:window.__xss=${n}">x</a>`;

/** A payload was shown: its text (not its markup) is on the page. */
export const shows = (pageText: string, n: number) => pageText.includes(`<script>window.__xss=${n}</script>`);

const URL_ATTRIBUTES = /^(href|src|action|formaction|xlink:href|data|background|poster|srcdoc)$/i;

/** Everything on a page that could run script: empty when all hostile text stayed text. */
export function scriptingOn(html: string): string[] {
  const problems: string[] = [];
  // Raw markup first: an escaped payload reads `&lt;script`, never `<script` (our own scripts are /static files).
  if (/<script(?![^>]*\ssrc="\/static\/[a-z-]+\.js")/i.test(html)) problems.push('raw <script> without a /static source');
  // Attributes are judged on the parsed page (parse5, as a browser parses): escaped text inside a
  // value, like value="… onerror=&quot;…", is no attribute.
  const $ = load(html);
  $('script').each((_, el) => {
    if ($(el).text().trim()) problems.push('inline <script> content');
  });
  $('iframe, object, embed, base, frame, applet').each((_, el) => {
    problems.push(`<${el.tagName}>`);
  });
  $('*').each((_, node) => {
    if (node.type !== 'tag') return;
    for (const [name, value] of Object.entries(node.attribs)) {
      if (/^on/i.test(name)) problems.push(`<${node.tagName} ${name}>`);
      // Browsers skip control characters and spaces before a scheme.
      const scheme = [...value].filter((char) => char > ' ').join('');
      if (URL_ATTRIBUTES.test(name) && /^(javascript|vbscript|data:text\/html)/i.test(scheme)) problems.push(`<${node.tagName} ${name}="${value.slice(0, 30)}">`);
    }
  });
  return problems;
}

/** The page's visible text (not attribute values): what a person reads. */
export function textOf(html: string): string {
  return load(html)('body').text();
}

/** Problems with the security headers of one response: empty when all are there. */
export function headerProblems(headers: Headers): string[] {
  const problems: string[] = [];
  const csp = headers.get('content-security-policy');
  if (!csp) return ['no Content-Security-Policy'];
  const directives = new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map((words) => [words[0]!.toLowerCase(), words.slice(1)] as const),
  );
  const scripts = directives.get('script-src') ?? directives.get('default-src');
  if (!scripts) problems.push('no script-src or default-src');
  else if (scripts.some((source) => ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:'].includes(source))) {
    problems.push(`script sources too wide: ${scripts.join(' ')}`);
  }
  if (directives.get('frame-ancestors')?.join(' ') !== "'none'") problems.push(`frame-ancestors is ${directives.get('frame-ancestors')?.join(' ') ?? 'missing'}`);
  if (headers.get('x-content-type-options') !== 'nosniff') problems.push('no X-Content-Type-Options: nosniff');
  const referrer = headers.get('referrer-policy');
  if (!referrer || /unsafe-url|no-referrer-when-downgrade/.test(referrer)) problems.push(`Referrer-Policy is ${referrer ?? 'missing'}`);
  return problems;
}

/** A spreadsheet runs a cell starting with these as a formula (a number like -3 is harmless). */
export const isFormulaCell = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(\.\d+)?$/.test(cell);
