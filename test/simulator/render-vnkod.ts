// Case cards in the "VNKOD" layout (~140 courts), with the real pages' selectors: div.case-num,
// ul#case_bookmarks, #tab_content_Case / #tab_content_EventList / #tab_content_PersonList
// (table.law-case-table), act in #tab_content_Document1.
import type { SimulatedCase } from './generate-cases.ts';
import { fullName } from './names.ts';
import { actHtml, escapeHtml, ruDate, sitePage, type CourtPageContext } from './render-page.ts';

const fact = (label: string, value: string) => `<tr>\n<td><b>${label}</b></td>\n<td>${value}</td>\n</tr>`;
const head = (labels: string[]) => `<thead class="vert-align"><tr class="text-center">${labels.map((l) => `<td class="vert-align">${l}</td>`).join('')}</tr></thead>`;

function caseTab(c: SimulatedCase): string {
  return `<div id="tab_content_Case" class="lawcase-tab-content"><table class="law-case-table"><tbody>
${fact('Уникальный идентификатор дела', `<a class="dashed" href="/modules.php?name=sud_delo&amp;name_op=r&amp;case__judicial_uidss=${c.caseUid}&amp;_ord=asc">${c.caseUid}</a>`)}
${fact('Дата поступления', ruDate(c.receivedDate))}
${fact('Категория', c.caseType === 'criminal' ? 'Уголовные дела' : 'Дела об административных правонарушениях')}
${fact('Судья', escapeHtml(c.judge))}
${fact('Дата рассмотрения', ruDate(c.decisionDate))}
${fact('Результат рассмотрения', escapeHtml(c.result))}
</tbody></table></div>`;
}

function eventsTab(c: SimulatedCase): string {
  const row = (name: string, date: string) => `<tr><td class="vert-align">${name}</td><td class="vert-align">${ruDate(date)}</td><td class="vert-align">10:00</td><td class="vert-align"></td></tr>`;
  return `<div id="tab_content_EventList" class="lawcase-tab-content" style="display: none;"><table class="law-case-table non-list">
${head(['Наименование события', 'Дата', 'Время', 'Результат события'])}
<tbody>${row('Регистрация поступившего в суд дела', c.receivedDate)}${row('Рассмотрение дела по существу', c.decisionDate)}</tbody></table></div>`;
}

function personsTab(c: SimulatedCase): string {
  const role = c.caseType === 'criminal' ? 'ПОДСУДИМЫЙ' : 'ПРИВЛЕКАЕМОЕ ЛИЦО';
  return `<div id="tab_content_PersonList" class="lawcase-tab-content" style="display: none;"><table class="law-case-table non-list none-mobile">
${head(['Процессуальный статус лица, участвующего в деле', 'Лицо, участвующее в деле (ФИО, наименование)', 'Перечень статей', 'ИНН', 'КПП', 'ОГРН / ОГРНИП'])}
<tbody><tr><td class="vert-align">${role}</td><td class="vert-align">${escapeHtml(fullName(c.person))}</td><td class="vert-align">${c.articles}</td><td class="vert-align"></td><td class="vert-align"></td><td class="vert-align"></td></tr></tbody></table></div>`;
}

export function renderVnkodCard(court: CourtPageContext, c: SimulatedCase): string {
  const title = c.caseType === 'criminal' ? 'Уголовные дела - первая инстанция' : 'Дела об административных правонарушениях - первая инстанция';
  const actTitle = c.caseType === 'criminal' ? 'Приговор' : 'Постановление';
  return sitePage(
    court,
    `<div id="modSdpContent"><div class="name-instanse">${title}</div>
<div class="case-num">ДЕЛО № ${escapeHtml(c.caseNumber)}</div>
<ul id="case_bookmarks" class="bookmarks"><li id="tab_id_Case" class="active">Дело</li><li id="tab_id_EventList">Движение дела</li><li id="tab_id_PersonList">Лица</li><li id="tab_id_Document1">Судебный акт #1 (${actTitle})</li></ul>
${caseTab(c)}
${eventsTab(c)}
${personsTab(c)}
<div class="lawcase-tab-content" id="tab_content_Document1" style="display: none;">
${actHtml(c)}
</div></div>`,
    `${court.name} - ${c.caseNumber}`,
  );
}
