// What every simulated court page shares: the site frame (court name in .heading_title, as on
// the real sites), escaping, dates, and the URL scheme of cards and act pages.
import type { SimulatedCase } from './generate-cases.ts';

export interface CourtPageContext {
  code: string;
  name: string;
  layout: 'primary' | 'vnkod';
}

export const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
export const ruDate = (iso: string) => iso.split('-').reverse().join('.');

export function sitePage(court: CourtPageContext, body: string, title = court.name): string {
  return `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>${escapeHtml(title)}</title></head>
<body><div class="header__middle"><h5 class="heading heading_caps heading_title">${escapeHtml(court.name)}</h5></div>
<div id="content">${body}</div>
<div class="footer">© ${escapeHtml(court.name)}. ГАС «Правосудие»</div></body></html>`;
}

export function cardPath(court: Pick<CourtPageContext, 'layout'>, c: SimulatedCase): string {
  return court.layout === 'primary'
    ? `/modules.php?name=sud_delo&srv_num=${c.srvNum}&name_op=case&case_id=${c.caseId}&case_uid=${c.urlGuid}&delo_id=${c.deloId}`
    : `/modules.php?name=sud_delo&name_op=case&_id=${c.caseId}&_uid=${c.urlGuid}&_deloId=${c.deloId}&_caseType=0&_new=0&srv_num=${c.srvNum}`;
}

/** Some primary-layout courts publish the act on its own page (name_op=doc), linked from the card. */
export const actOnSeparatePage = (c: SimulatedCase) => c.caseId % 4 === 0;
export const actPath = (c: SimulatedCase) => `/modules.php?name=sud_delo&srv_num=${c.srvNum}&name_op=doc&number=${c.caseId}&delo_id=${c.deloId}&new=0&text_number=1`;

// Published acts wrap depersonalisation markers in spans (Address2, Data2, othersN): parsers
// must keep the marker text.
const MARKERS: [RegExp, string][] = [
  [/&lt;адрес&gt;/g, '<span class="Address2">&lt;адрес&gt;</span>'],
  [/ДД\.ММ\.ГГГГ/g, '<span class="Data2">ДД.ММ.ГГГГ</span>'],
  [/&lt;данные изъяты&gt;/g, '<span class="others1">&lt;данные изъяты&gt;</span>'],
];

export function actHtml(c: SimulatedCase): string {
  const paragraphs = c.actText.split('\n').map((line) => {
    let html = escapeHtml(line);
    for (const [pattern, replacement] of MARKERS) html = html.replace(pattern, replacement);
    return `<p style="TEXT-ALIGN: justify; TEXT-INDENT: 0.5in">${html}</p>`;
  });
  return `<span style="TEXT-ALIGN: justify">\n${paragraphs.join('\n')}\n</span>`;
}

export function renderActPage(court: CourtPageContext, c: SimulatedCase): string {
  return sitePage(court, actHtml(c));
}
