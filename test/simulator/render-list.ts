// Search-result lists in both layouts, and the refusal pages court sites answer with
// (captcha form, «Информация временно недоступна», the WAF's «Данный запрос некорректен»).
import type { SimulatedCase } from './generate-cases.ts';
import { listName } from './names.ts';
import { actOnSeparatePage, actPath, cardPath, escapeHtml, ruDate, sitePage, type CourtPageContext } from './render-page.ts';

export const ROWS_PER_PAGE = 25;

const HEADERS = ['№ дела', 'Дата<br>поступления', 'Правонарушение / Лицо', 'Судья', 'Дата<br>решения', 'Решение', 'Дата вступления<br>в законную силу', 'Судебные<br>акты'];

/** The request's query with the page parameter replaced, as the site writes its page links. */
function pageHref(query: string, param: 'page' | '_page', page: number): string {
  const pattern = new RegExp(`(^|&)${param}=\\d*`);
  const rewritten = pattern.test(query) ? query.replace(pattern, `$1${param}=${page}`) : `${query}&${param}=${page}`;
  return `./modules.php?${rewritten}`;
}

function primaryPager(query: string, pageNumber: number, lastPage: number): string {
  if (lastPage <= 1) return '';
  const numbers = Array.from({ length: lastPage }, (_, i) => i + 1)
    .filter((n) => Math.abs(n - pageNumber) <= 2)
    .map((n) => (n === pageNumber ? `<b>${n}</b>` : `<a href= ${pageHref(query, 'page', n)}>${n}</a>`));
  const next = pageNumber < lastPage ? ` <a href= ${pageHref(query, 'page', pageNumber + 1)} title="Следующая страница">></a>` : '';
  const last = pageNumber < lastPage ? `\n  <a href= ${pageHref(query, 'page', lastPage)} title="На последнюю страницу списка">>></a>` : '';
  return `Страницы : ${numbers.join(' | ')}${next}${last}`;
}

function rowCells(c: SimulatedCase, court: CourtPageContext): string {
  const act = court.layout === 'primary' && actOnSeparatePage(c) ? `<a href='${actPath(c)}' TITLE='${c.caseType === 'criminal' ? 'Приговоры' : 'Постановления'}'><img src="/images/doc.gif"></a>` : '&nbsp;';
  return `<td align="center">&nbsp;${ruDate(c.receivedDate)}</td>
<td>${escapeHtml(listName(c.person))} - ${c.articles}</td>
<td>${escapeHtml(c.judge)}</td>
<td align="center">${ruDate(c.decisionDate)}</td>
<td>${escapeHtml(c.result)}</td>
<td>&nbsp;</td><td>${act}</td>`;
}

export function renderList(court: CourtPageContext, rows: SimulatedCase[], total: number, pageNumber: number, query = ''): string {
  if (total === 0) return sitePage(court, '<div id="search_results"><p align="center"><b>Данных по запросу не обнаружено</b></p></div>');
  const first = (pageNumber - 1) * ROWS_PER_PAGE + 1;
  const lastRow = first + rows.length - 1;
  const lastPage = Math.ceil(total / ROWS_PER_PAGE);
  if (court.layout === 'primary') {
    const body = rows
      .map((c) => `<tr valign="top"><td title="Для получения справки по делу, нажмите на номер дела" style="width:6%;cursor: pointer;"><a href='${cardPath(court, c)}'>${c.caseNumber}</a><br></td>\n${rowCells(c, court)}</tr>`)
      .join('\n');
    return sitePage(
      court,
      `<table width="100%" border="0"><tr><td valign="bottom" nowrap>${primaryPager(query, pageNumber, lastPage)}</td>
<td align="right">Всего по запросу найдено — ${total}. На странице записи с ${first} по ${lastRow}.&nbsp;&nbsp;</td></tr></table>
<table width="100%" border="0" cellpadding="3" cellspacing="0" id="tablcont">
<tr>${HEADERS.map((h) => `<th style="text-align: center" >${h}</th>`).join('')}</tr>
${body}
</table>`,
    );
  }
  const href = (c: SimulatedCase) => cardPath(court, c).replace(/&/g, '&amp;');
  const body = rows.map((c) => `<tr><td class="lawcase-number-td"><a href="${href(c)}" class="dashed open-lawcase">${c.caseNumber}</a></td>\n${rowCells(c, court)}</tr>`).join('\n');
  // The mobile copy of the same rows: a parser must not count them twice.
  const mobile = rows.map((c) => `<div class="mobile-lawcase-card"><div class="m-number"><a href="${href(c)}" class="dashed open-lawcase">${c.caseNumber}</a></div></div>`).join('');
  return sitePage(
    court,
    `<div id="search_results"><div class="name-instanse">Дела об административных правонарушениях</div><hr>
<div class="lawcase-paging light-theme simple-pagination" data-pages="${lastPage}" data-current="${pageNumber}"></div>
<div class="lawcase-count">Всего по запросу найдено - <b>${total}</b>.&nbsp;<span>На странице записи с <b>${first}</b> по <b>${lastRow}</b>.</span></div>
<div id="resultTable"><table class="law-case-table line-hover"><thead><tr>${HEADERS.map((h) => `<td class="text-center">${h}</td>`).join('')}</tr></thead>
<tbody>${body}</tbody></table></div>
<div id="resultMob" class="mt7">${mobile}</div></div>`,
  );
}

export function captchaForm(court: CourtPageContext, wrongCode: boolean): string {
  const error = wrongCode ? '<div id="error">Неверно указан проверочный код с картинки.</div>' : '';
  return sitePage(
    court,
    `${error}<form name="form1" method="get" action="/modules.php"><input type="hidden" name="name" value="sud_delo">
<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==" alt="captcha">
<input type="hidden" name="captchaid" value="${court.code.length * 7919}"><input type="text" name="captcha" size="5">
<input type="submit" name="Submit" value="${escapeHtml('Найти')}"></form>`,
  );
}

export const throttlePage = (court: CourtPageContext) =>
  sitePage(court, '<p align="center">Информация временно недоступна. Приносим свои извинения за доставленные неудобства.</p>');

export const wafPage = (court: CourtPageContext) => sitePage(court, '<h1>Данный запрос некорректен. (B)</h1>');

export const notFoundPage = (court: CourtPageContext) => sitePage(court, '<p>Данных по запросу не обнаружено</p>');
