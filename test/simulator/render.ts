// HTML in the two sudrf layouts, with the same selectors as the real pages.
import type { SimulatedCase } from './generate-cases.ts';

export interface CourtPageContext {
  code: string;
  name: string;
  layout: 'primary' | 'vnkod';
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const ru = (iso: string) => iso.split('-').reverse().join('.');
const initials = (c: SimulatedCase) =>
  `${c.person.surname.toUpperCase()} ${c.person.firstName[0]}.${c.person.patronymic ? `${c.person.patronymic[0]}.` : ''}`;
const fullName = (c: SimulatedCase) => [c.person.surname, c.person.firstName, c.person.patronymic].filter(Boolean).join(' ');
export const cardArticles = (c: SimulatedCase) => `ст.${c.article} ч.${c.part} КоАП РФ`;

function page(court: CourtPageContext, body: string): string {
  return `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>${escape(court.name)}</title></head>
<body><div class="header__middle"><h5 class="heading heading_caps heading_title">${escape(court.name)}</h5></div>
<div id="content">${body}</div></body></html>`;
}

export function cardPath(court: CourtPageContext, c: SimulatedCase): string {
  return court.layout === 'primary'
    ? `/modules.php?name=sud_delo&srv_num=${c.srvNum}&name_op=case&case_id=${c.caseId}&case_uid=${c.caseUid}&delo_id=${c.deloId}`
    : `/modules.php?name=sud_delo&name_op=case&_id=${c.caseId}&_uid=${c.caseUid}&_deloId=${c.deloId}&_caseType=0&_new=0&srv_num=${c.srvNum}`;
}

/** Some primary-layout courts publish the act on its own page (name_op=doc), linked from the card. */
export const actOnSeparatePage = (c: SimulatedCase) => c.caseId % 4 === 0;
export const actPath = (c: SimulatedCase) => `/modules.php?name=sud_delo&srv_num=${c.srvNum}&name_op=doc&number=${c.caseId}&delo_id=${c.deloId}&new=0&text_number=1`;

export function renderActPage(court: CourtPageContext, c: SimulatedCase): string {
  return page(court, actHtml(c));
}

const actHtml = (c: SimulatedCase) => c.actText.split('\n').map((line) => `<p>${escape(line)}</p>`).join('\n');

export function renderCard(court: CourtPageContext, c: SimulatedCase): string {
  const result = 'Вынесено постановление о назначении административного наказания';
  if (court.layout === 'primary') {
    return page(court, `<div align="center" class="title">Дела об административных правонарушениях - первая инстанция</div>
<div align="center" class="casenumber">ДЕЛО № ${escape(c.caseNumber)}</div>
<div id="cont1"><table id="tablcont"><tr><th colspan="2">ДЕЛО</th></tr>
<tr><td width="50%"><b>Уникальный идентификатор дела</b></td><td>${c.caseUid}</td></tr>
<tr><td width="50%"><b>Дата поступления</b></td><td>${ru(c.receivedDate)}</td></tr>
<tr><td width="50%"><b>Судья</b></td><td>${escape(c.judge)}</td></tr>
<tr><td width="50%"><b>Дата рассмотрения</b></td><td>${ru(c.decisionDate)}</td></tr>
<tr><td width="50%"><b>Результат рассмотрения</b></td><td>${result}</td></tr></table></div>
<div id="cont3"><table id="tablcont"><tr><th colspan="10">СТОРОНЫ ПО ДЕЛУ</th></tr>
<tr><td align="center"><b>Вид лица, участвующего в деле</b></td><td align="center"><b>Фамилия / наименование</b></td><td align="center"><b>Перечень статей</b></td></tr>
<tr><td>ПРИВЛЕКАЕМОЕ ЛИЦО</td><td>${escape(fullName(c))}</td><td>${cardArticles(c)}</td></tr></table></div>
${actOnSeparatePage(c)
  ? `<div id="cont5"><a href="${actPath(c)}">Судебный акт #1 (Постановление)</a></div>`
  : `<div id="cont5"><div class="contentt"><div id="cont_doc1">${actHtml(c)}</div></div></div>`}`);
  }
  return page(court, `<div id="search_results"><div class="name-instanse">Дела об административных правонарушениях</div>
<div class="case-num">ДЕЛО № ${escape(c.caseNumber)}</div>
<div id="tab_content_Case" class="lawcase-tab-content"><table class="law-case-table"><tbody>
<tr><td><b>Уникальный идентификатор дела</b></td><td>${c.caseUid}</td></tr>
<tr><td><b>Дата поступления</b></td><td>${ru(c.receivedDate)}</td></tr>
<tr><td><b>Судья</b></td><td>${escape(c.judge)}</td></tr>
<tr><td><b>Дата рассмотрения</b></td><td>${ru(c.decisionDate)}</td></tr>
<tr><td><b>Результат рассмотрения</b></td><td>${result}</td></tr></tbody></table></div>
<div id="tab_content_PersonList" class="lawcase-tab-content"><table class="law-case-table"><thead><tr>
<td>Процессуальный статус лица, участвующего в деле</td><td>Лицо, участвующее в деле (ФИО, наименование)</td><td>Перечень статей</td></tr></thead>
<tbody><tr><td>ПРИВЛЕКАЕМОЕ ЛИЦО</td><td>${escape(fullName(c))}</td><td>${cardArticles(c)}</td></tr></tbody></table></div>
<div id="tab_content_Document1" class="lawcase-tab-content">${actHtml(c)}</div></div>`);
}

export function renderList(court: CourtPageContext, rows: SimulatedCase[], total: number, pageNumber: number): string {
  if (total === 0) return page(court, '<div>Данных по запросу не обнаружено</div>');
  const counter = `Всего по запросу найдено — ${total}. На странице записи с ${(pageNumber - 1) * 25 + 1} по ${(pageNumber - 1) * 25 + rows.length}.`;
  const cells = (c: SimulatedCase) => `<td>${ru(c.receivedDate)}</td><td>${initials(c)} - ${cardArticles(c)}</td>
<td>${escape(c.judge)}</td><td>${ru(c.decisionDate)}</td><td>Вынесено постановление о назначении административного наказания</td>`;
  if (court.layout === 'primary') {
    const body = rows.map((c) => `<tr valign="top"><td title="Для получения справки по делу, нажмите на номер дела"><a href='${cardPath(court, c)}'>${c.caseNumber}</a></td>${cells(c)}</tr>`).join('\n');
    return page(court, `<table><tr><td align="right">${counter}</td></tr></table><table id="tablcont">${body}</table>`);
  }
  const body = rows.map((c) => `<tr><td class="lawcase-number-td"><a href="${cardPath(court, c).replace(/&/g, '&amp;')}" class="dashed open-lawcase">${c.caseNumber}</a></td>${cells(c)}</tr>`).join('\n');
  return page(court, `<div id="search_results"><div class="lawcase-count">Всего по запросу найдено - <b>${total}</b>.</div>
<div id="resultTable"><table class="law-case-table line-hover"><tbody>${body}</tbody></table></div></div>`);
}

export const captchaForm = (court: CourtPageContext) =>
  page(court, `<form name="form1"><img src="data:image/png;base64,AAAA"><input type="hidden" name="captchaid" value="123"><input name="captcha"></form>`);
export const throttlePage = (court: CourtPageContext) => page(court, '<p>Информация временно недоступна. Приносим свои извинения.</p>');
