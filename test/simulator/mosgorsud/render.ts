// mos-gorsud.ru pages in the site's real markup (see ../shared/real-pages/mosgorsud_html):
// search results as tr[data-href] rows under named headers, cards as div.row label/value
// pairs with «Cудья» spelt with a Latin C, hearings in div#sessions, acts in div#act-documents.
import type { MosgorsudCase } from './cases.ts';

export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const cardPath = (c: MosgorsudCase) => `/${c.courtAlias}/services/cases/admin/details/${c.uuid}`;
export const actPath = (c: MosgorsudCase) => `/${c.courtAlias}/cases/docs/content/${c.uuid}`;

const page = (title: string, body: string) =>
  `<!DOCTYPE html><html lang="ru"><head><meta charset="UTF-8"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`;

export function renderSearch(rows: MosgorsudCase[], pageNumber: number, pageCount: number, selfUrl: URL): string {
  const trs = rows
    .map(
      (c) => `<tr data-href="${cardPath(c)}?participant=" class="linked-row">
<td class="sticky-column"><div class="case-number"><nobr><a class="table-link" href="${cardPath(c)}">${escapeHtml(c.caseNumber)}</a></nobr></div></td>
<td><div class="table-row-content"><div class="row"><div class="left"></div><div class="right"><p class="table-bold-text">Лицо, в отношении которого ведется производство</p>${escapeHtml(c.person)}<br></div></div></div></td>
<td>Рассмотрено, ${c.decided}</td><td>${escapeHtml(c.article)}</td><td>${escapeHtml(c.judge)}</td>
<td><a class="table-link" href="/${c.courtAlias}">${escapeHtml(c.courtName)}</a></td><td>Назначено наказание, ${c.decided}</td><td></td></tr>`,
    )
    .join('\n');
  const links: string[] = [];
  for (let n = 1; n <= pageCount; n += 1) {
    const url = new URL(selfUrl);
    url.searchParams.set('page', String(n));
    links.push(n === pageNumber ? `<span class="active">${n}</span>` : `<a href="${escapeHtml(url.pathname + url.search)}">${n}</a>`);
  }
  const table = `<table class="search-form__table no-border"><thead><tr><th class="sticky-column">№ дела</th><th>Стороны</th><th>Текущее состояние</th><th>Статья</th><th>Судья</th><th>Суд</th><th>Решение первой инстанции</th><th>Решение апелляционной инстанции</th></tr></thead><tbody>${trs}</tbody></table>`;
  const empty = rows.length === 0 ? '<div class="empty-results">Ничего не найдено</div>' : '';
  return page('Поиск', `${empty}${rows.length > 0 ? table : ''}<div class="paginationContainer">${pageCount > 1 ? links.join(' ') : ''}</div>`);
}

const row = (label: string, value: string) => `<div class="row"><div class="left"> ${label}\n</div><div class="right"> ${value}\n</div></div>`;

export function renderCard(c: MosgorsudCase): string {
  const kind = c.processType === 3 ? 'об административных правонарушениях' : 'уголовным делам';
  const role = c.processType === 3 ? 'Лицо, в отношении которого ведется производство' : 'Подсудимый';
  const act =
    c.actFormat === 'none'
      ? '<tr><td>Текст не опубликован</td><td></td><td></td></tr>'
      : `<tr><td>${c.decided}</td><td>${c.processType === 3 ? 'Постановление' : 'Приговор'}</td><td><a href="${actPath(c)}">Скачать файл</a></td></tr>`;
  const body = `<div class="top-bar"><ul class="breadcrumb"><li><a href="/" title="Главная">Главная</a></li>
<li><a href="/${c.courtAlias}" title="${escapeHtml(c.courtName)}">${escapeHtml(c.courtName)}</a></li>
<li><a href="/${c.courtAlias}/services/cases/admin" title="Информация по делам ${kind}">Информация по делам ${kind}</a></li></ul>
<h1>Информация по делу № ${escapeHtml(c.caseNumber)}</h1></div>
<div class="case-detail"><div class="detail-cart"><div class="card-sud">
${row('Уникальный идентификатор дела', `<div class="copy">${c.caseUid}<i class="copy__copy"><div class="hint">Скопировать в буфер обмена</div></i></div>`)}
${row('Номер дела ~ материала', `${escapeHtml(c.caseNumber)} ∼ 05-0${c.uuid.slice(4, 6)}/2026`)}
${row('Дата поступления', c.received)}
${row('Стороны', `<p class="table-bold-text">${role}</p>${escapeHtml(c.person)}<br>`)}
${row('Cудья', escapeHtml(c.judge))}
${row('Статья', escapeHtml(c.article))}
${row('Текущее состояние', `Вынесено постановление о назначении административного наказания, ${c.decided}`)}
${row('Дата рассмотрения дела в первой инстанции', c.decided)}
</div></div>
<div id="sessions"><h3>Судебные заседания</h3><table><thead><tr><th>Дата и время</th><th>Зал</th><th>Стадия</th><th>Результат</th></tr></thead>
<tbody><tr><td>${c.decided} 10:30</td><td>215</td><td>Судебное заседание</td><td>Рассмотрение завершено</td></tr></tbody></table></div>
<div id="act-documents"><h3>Судебные акты</h3><table><thead><tr><th>Дата документа</th><th>Вид документа</th><th>Текст документа</th></tr></thead><tbody>
<tr><td>${c.received}</td><td>Протокол об административном правонарушении</td><td></td></tr>${act}</tbody></table></div></div>`;
  return page(`Информация по делу № ${c.caseNumber}`, body);
}
