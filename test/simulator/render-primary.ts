// Case cards in the primary sud_delo layout, with the real pages' selectors: div.casenumber,
// tabs div#contN holding table#tablcont, parties «Вид лица… | Фамилия / наименование |
// Перечень статей» (criminal cards: a «ЛИЦА» tab without a role column), act in div#cont_doc1.
import type { SimulatedCase } from './generate-cases.ts';
import { fullName } from './names.ts';
import { actHtml, actOnSeparatePage, actPath, escapeHtml, ruDate, sitePage, type CourtPageContext } from './render-page.ts';

const fact = (label: string, value: string) => `<tr><td width="50%"><b>${label}</b></td><td>${value}</td></tr>`;
const cell = (text: string) => `<td align="center"><b>${text}</b></td>`;

function tabs(names: string[]): string {
  const items = names.map((name, i) => `<li id="tab${i + 1}" class="${i === 0 ? 'sel' : 'nonsel'}"><a href="#" onclick="index(${i + 1}, ${names.length}); return false;">&nbsp;${name}&nbsp;</a></li>`);
  return `<ul class="tabs">${items.join('')}</ul>`;
}

function factsTab(c: SimulatedCase): string {
  return `<div id="cont1" style="display: block; padding: 0px 15px 15px;"><br><table width="100%" border="0" cellpadding="3" cellspacing="0" id="tablcont"><tbody>
<tr><th colspan="2">ДЕЛО</th></tr>
${fact('Уникальный идентификатор дела', `<a href="/modules.php?name=sud_delo&amp;name_op=r_juid&amp;srv_num=${c.srvNum}&amp;delo_id=${c.deloId}&amp;judicial_uid=${c.caseUid}">${c.caseUid}</a>`)}
${fact('Дата поступления', ruDate(c.receivedDate))}
${c.caseType === 'koap' ? fact('Номер протокола об АП', `${String(c.caseId * 7).padStart(8, '0')}`) : ''}
${fact('Судья', escapeHtml(c.judge))}
${fact('Дата рассмотрения', ruDate(c.decisionDate))}
${fact('Результат рассмотрения', escapeHtml(c.result))}
</tbody></table></div>`;
}

function eventsTab(c: SimulatedCase): string {
  const row = (name: string, date: string, result: string) => `<tr><td>${name}</td><td>${ruDate(date)}</td><td>10:00</td><td>Зал № 3</td><td>${result}</td><td></td><td></td><td>${ruDate(date)}</td></tr>`;
  return `<div id="cont2" style="display: none; padding: 0 15px 15px 15px;"><br><table width="100%" border="0" cellpadding="3" cellspacing="0" id="tablcont"><tbody>
<tr><th colspan="10">ДВИЖЕНИЕ ДЕЛА</th></tr>
<tr>${['Наименование события', 'Дата', 'Время', 'Место проведения', 'Результат события', 'Основания для выбранного результата события', 'Примечание', 'Дата размещения'].map(cell).join('')}</tr>
${row('Регистрация поступившего в суд дела', c.receivedDate, '')}
${row('Передача дела судье', c.receivedDate, '')}
${row('Рассмотрение дела по существу', c.decisionDate, escapeHtml(c.result))}
</tbody></table></div>`;
}

function partiesTab(c: SimulatedCase, id: number): string {
  if (c.caseType === 'criminal') {
    return `<div id="cont${id}" style="display: none; padding: 0px 15px 15px;"><br><table width="100%" border="0" cellpadding="3" cellspacing="0" id="tablcont"><tbody>
<tr><th colspan="10">ЛИЦА</th></tr>
<tr>${['Фамилия / наименование', 'Перечень статей', 'Дата рассмотрения дела в отношении лица', 'Результат в отношении лица'].map(cell).join('')}</tr>
<tr><td>${escapeHtml(fullName(c.person))}</td><td>${c.articles}</td><td>${ruDate(c.decisionDate)}</td><td>ОБВИНИТЕЛЬНЫЙ ПРИГОВОР</td></tr>
</tbody></table></div>`;
  }
  return `<div id="cont${id}" style="display: none; padding: 0px 15px 15px;"><br><table width="100%" border="0" cellpadding="3" cellspacing="0" id="tablcont"><tbody>
<tr><th colspan="10">СТОРОНЫ ПО ДЕЛУ</th></tr>
<tr>${['Вид лица, участвующего в деле', 'Фамилия / наименование', 'Перечень статей', 'ИНН', 'КПП', 'ОГРН', 'ОГРНИП'].map(cell).join('')}</tr>
<tr><td>ПРИВЛЕКАЕМОЕ ЛИЦО</td><td>${escapeHtml(fullName(c.person))}</td><td>${c.articles}</td><td></td><td></td><td></td><td></td></tr>
</tbody></table></div>`;
}

function actsTab(c: SimulatedCase, id: number): string {
  const title = c.caseType === 'criminal' ? 'Приговор' : 'Постановление';
  if (actOnSeparatePage(c)) {
    return `<div id="cont${id}" style="display: none; padding: 0 15px 15px 15px;"><a href="${actPath(c).replace(/&/g, '&amp;')}" target="_blank">Судебный акт #1 (${title})</a></div>`;
  }
  return `<div id="cont${id}" style="display: none; padding: 0 15px 15px 15px;"><ul class="tabs"><li id="tab_doc1" class="sel"><a href="#" onclick="index_docs(1, 1); return false;">&nbsp;Судебный акт #1 (${title})&nbsp;</a></li></ul>
<div class="contentt"><div id="cont_doc1" style="display: block; padding: 15px; font-size: 14px; color: black;">
${actHtml(c)}
</div></div></div>`;
}

export function renderPrimaryCard(court: CourtPageContext, c: SimulatedCase): string {
  const title = c.caseType === 'criminal' ? 'Уголовные дела - первая инстанция' : 'Дела об административных правонарушениях - первая инстанция';
  const tabNames = c.caseType === 'criminal' ? ['ДЕЛО', 'ДВИЖЕНИЕ ДЕЛА', 'ЛИЦА', 'СУДЕБНЫЕ АКТЫ'] : ['ДЕЛО', 'ДВИЖЕНИЕ ДЕЛА', 'СТОРОНЫ ПО ДЕЛУ', 'СУДЕБНЫЕ АКТЫ'];
  return sitePage(
    court,
    `<div id="line"></div>
<div align="center" class="title">${title}</div>
<div id="line"></div>
<div align="center" class="casenumber">ДЕЛО № ${escapeHtml(c.caseNumber)}</div>
${tabs(tabNames)}
${factsTab(c)}
${eventsTab(c)}
${partiesTab(c, 3)}
${actsTab(c, 4)}`,
    `${court.name} - ${c.caseNumber}`,
  );
}
