// Seeds a throwaway PostgreSQL database with a realistic court-case population for the
// dashboard load benchmark: courts in many regions, one stored page per case, persons,
// charges, outcomes, and only a few percent of cases flagged Kyrgyz (with reviews, history,
// follows). Everything is generated server-side (INSERT … SELECT … FROM generate_series):
// a million cases take a minute or two, not an hour of client round trips.
// Pseudo-random but repeatable: every choice is a hash of the case number and a salt.
import type { Sql } from 'postgres';
import { PIPELINE_VERSION } from '../pipeline/version.ts';

/** Region code, name, number of courts, share of all cases (Moscow and the Urals dominate). */
const REGIONS: [string, string, number, number][] = [
  ['77', 'г. Москва', 36, 22], ['50', 'Московская область', 30, 12], ['78', 'г. Санкт-Петербург', 20, 8],
  ['66', 'Свердловская область', 16, 7], ['54', 'Новосибирская область', 10, 4], ['16', 'Республика Татарстан', 10, 3],
  ['23', 'Краснодарский край', 12, 3], ['74', 'Челябинская область', 10, 3], ['72', 'Тюменская область', 6, 2],
  ['86', 'Ханты-Мансийский АО', 6, 3], ['89', 'Ямало-Ненецкий АО', 4, 1], ['55', 'Омская область', 6, 2],
  ['24', 'Красноярский край', 8, 2], ['38', 'Иркутская область', 8, 2], ['63', 'Самарская область', 8, 2],
  ['47', 'Ленинградская область', 8, 2], ['52', 'Нижегородская область', 8, 2], ['59', 'Пермский край', 6, 2],
  ['61', 'Ростовская область', 8, 2], ['42', 'Кемеровская область', 6, 1], ['22', 'Алтайский край', 6, 1],
  ['70', 'Томская область', 4, 1], ['02', 'Республика Башкортостан', 8, 1], ['56', 'Оренбургская область', 4, 1],
  ['25', 'Приморский край', 6, 1], ['27', 'Хабаровский край', 4, 1], ['14', 'Республика Саха (Якутия)', 4, 1],
  ['34', 'Волгоградская область', 6, 1], ['36', 'Воронежская область', 4, 1], ['64', 'Саратовская область', 4, 1],
  ['71', 'Тульская область', 4, 1], ['40', 'Калужская область', 4, 1], ['69', 'Тверская область', 3, 1],
  ['39', 'Калининградская область', 3, 1], ['41', 'Камчатский край', 2, 1],
];

export interface SeedSummary {
  courts: number;
  cases: number;
  flagged: number;
  persons: number;
  charges: number;
  outcomes: number;
  documents: number;
}

export async function seedCourts(sql: Sql): Promise<number> {
  const rows = REGIONS.flatMap(([code, region, count]) =>
    Array.from({ length: count }, (_, i) => {
      const courtCode = `${code}RS${String(i + 1).padStart(4, '0')}`;
      return { source: 'sudrf', code: courtCode, name: `${i === 0 ? 'Центральный' : `${i + 1}-й`} районный суд (${region})`,
        region_code: code, region, base_url: `http://${courtCode.toLowerCase()}.sudrf.example`, layout: i % 3 === 0 ? 'vnkod' : 'primary' };
    }),
  );
  await sql`insert into courts ${sql(rows)}`;
  // Court weights by region share, spread over the region's courts (the first court is busiest).
  const weights = REGIONS.flatMap(([, , count, share]) => Array.from({ length: count }, (_, i) => (share / count) * (i === 0 ? 2 : 1)));
  const total = weights.reduce((a, b) => a + b, 0);
  const slots: number[] = [];
  weights.forEach((weight, index) => {
    for (let k = 0; k < Math.max(1, Math.round((weight / total) * 2000)); k += 1) slots.push(index + 1);
  });
  await sql.unsafe(`create table seed_court_slots as select ordinality as slot, court_id from unnest('{${slots.join(',')}}'::int[]) with ordinality as court_id`);
  return rows.length;
}

/** r(g, salt): a repeatable number in [0, 1) per case and purpose. */
const RANDOM_FN = `create function r(g int, salt int) returns float8 language sql immutable parallel safe as
  $$ select (hashint8(g::bigint * 7919 + salt) & 2147483647)::float8 / 2147483648 $$`;

// About 700 surnames (roots × endings): a full name is shared by a handful of persons, as in life.
const SURNAME_HEADS = ['Жума', 'Асыл', 'Токто', 'Сагын', 'Кара', 'Турду', 'Ороз', 'Бейше', 'Абды', 'Кочко', 'Мамыт', 'Осмон',
  'Эсен', 'Курман', 'Алым', 'Кари', 'Рахи', 'Юсу', 'Наза', 'Саи', 'Мирзо', 'Турсун', 'Эргеш', 'Молдо', 'Таш', 'Акмат', 'Самат',
  'Исма', 'Арстан', 'Нур', 'Бакир', 'Кады', 'Сыды', 'Чот', 'Апса', 'Тагай', 'Керим', 'Бооб', 'Ырыс', 'Темир', 'Уран', 'Калыс',
  'Сулай', 'Качы', 'Жээн', 'Айт', 'Мырза', 'Шарше', 'Сатыбал', 'Кубаныч'];
const SURNAME_TAILS = ['беков', 'баев', 'кулов', 'матов', 'манов', 'алиев', 'бердиев', 'тайев', 'жанов', 'ов', 'ев', 'ханов', 'бай уулу', 'гулов'];
const SURNAMES = SURNAME_HEADS.flatMap((head) => SURNAME_TAILS.map((tail) => head + tail));
const GIVEN = ['Азамат', 'Нурлан', 'Бакыт', 'Эрлан', 'Улан', 'Талант', 'Мирлан', 'Канат', 'Руслан', 'Бекзат', 'Айбек', 'Алмаз',
  'Шерзод', 'Фарход', 'Джамшед', 'Сергей', 'Айгуль', 'Бермет', 'Жылдыз', 'Динара', 'Асель', 'Мадина'];
const PATRONYMIC = ['Бекович', 'Садырович', 'Асанович', 'Таалайбекович', 'Маратович', 'Токтогулович', 'Иванович'];
const arr = (items: string[]) => `array[${items.map((s) => `'${s}'`).join(',')}]`;

/** Articles: code, article, part, weight among flagged cases, weight among the others. */
const ARTICLES: [string, string, string | null, number, number][] = [
  ['КоАП', '18.8', '1.1', 40, 12], ['КоАП', '18.8', '3.1', 12, 5], ['КоАП', '18.10', '1', 14, 6], ['КоАП', '18.10', '2', 6, 2],
  ['КоАП', '18.15', '1', 2, 3], ['КоАП', '20.1', '1', 5, 14], ['КоАП', '12.8', '1', 2, 10], ['КоАП', '6.9', '1', 2, 6],
  ['КоАП', '20.25', '1', 2, 8], ['КоАП', '12.26', '1', 1, 6], ['УК', '322', '1', 4, 2], ['УК', '322.1', '1', 3, 2],
  ['УК', '158', '2', 3, 10], ['УК', '228', '1', 2, 8], ['УК', '327', '3', 2, 3], ['УК', '264.1', '1', 0, 3],
];

/** Cumulative weights as a SQL CASE choosing an index from a number in [0, 1). */
function weightedIndex(weights: number[], random: string): string {
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  const arms = weights.map((w, i) => {
    sum += w;
    return `when ${random} < ${(sum / total).toFixed(6)} then ${i + 1}`;
  });
  return `case ${arms.join(' ')} else ${weights.length} end`;
}

const CUE = 'гражданин Кыргызской Республики';

export async function seedCases(sql: Sql, caseCount: number, flaggedShare: number): Promise<SeedSummary> {
  await sql.unsafe(RANDOM_FN);
  await sql.unsafe(`create table seed_articles (idx int primary key, code charge_code, article text, part text)`);
  await sql.unsafe(`insert into seed_articles values ${ARTICLES.map(([code, article, part], i) => `(${i + 1}, '${code}', '${article}', ${part ? `'${part}'` : 'null'})`).join(',')}`);
  await sql.unsafe(`insert into crawl_runs (source, status, started_at, finished_at, worker, pages_fetched, new_documents, errors, new_cases, schedule, stats)
    select 'sudrf', case when g % 40 = 0 then 'failed'::crawl_run_status else 'finished' end,
      now() - (g || ' hours')::interval, now() - (g || ' hours')::interval + interval '40 minutes', 'worker-' || (g % 3),
      3000, 2400, g % 17, 300, 'sudrf-hourly',
      jsonb_build_object('ok', 2400, 'no_data', 300, 'http_error', g % 17, 'captcha', g % 5, 'throttled', g % 7, 'parse_failure', g % 3)
    from generate_series(1, 2000) g`);
  const slots = Number((await sql`select count(*)::int as n from seed_court_slots`)[0]!.n);
  // The plan of every case: its court, whether it is flagged, its article and date.
  await sql.unsafe(`create unlogged table seed_plan as
    select g, s.court_id, r(g, 1) < ${flaggedShare} as flagged, r(g, 2) < 0.65 as strong,
      date '2023-01-01' + floor(r(g, 3) * 1420)::int as decision_date,
      r(g, 4) < 0.82 as male, r(g, 5) < 0.15 as two_persons, r(g, 6) < 0.1 as two_charges,
      0 as article_idx
    from generate_series(1, ${caseCount}) g join seed_court_slots s on s.slot = 1 + floor(r(g, 7) * ${slots})::int`);
  const flaggedArticle = weightedIndex(ARTICLES.map((a) => a[3]), 'r(g, 8)');
  const otherArticle = weightedIndex(ARTICLES.map((a) => a[4]), 'r(g, 8)');
  await sql.unsafe(`update seed_plan set article_idx = case when flagged then ${flaggedArticle} else ${otherArticle} end`);
  await sql.unsafe(`alter table seed_plan add primary key (g)`);

  const name = (salt: number) => `(${arr(SURNAMES)})[1 + floor(r(g, ${salt}) * ${SURNAMES.length})::int] || ' ' ||
    (${arr(GIVEN)})[1 + floor(r(g, ${salt + 1}) * ${GIVEN.length})::int] || ' ' || (${arr(PATRONYMIC)})[1 + floor(r(g, ${salt + 2}) * ${PATRONYMIC.length})::int]`;
  await sql.unsafe(`insert into documents (id, url, request_key, source, kind, court_id, run_id, fetched_at, http_status, encoding, content_hash, raw, text, status, analyzed_hash, analyzed_version, analyzed_at)
    select g, c.base_url || '/modules.php?name=sud_delo&case_id=' || g, 'card:' || g, 'sudrf', 'card', p.court_id, 1 + g % 2000,
      p.decision_date + interval '3 days', 200, 'windows-1251', md5(g::text), convert_to('<html>case ' || g || '</html>', 'UTF8'),
      '<html>case ' || g || '</html>', 'ok', md5(g::text), ${PIPELINE_VERSION}, p.decision_date + interval '3 days'
    from seed_plan p join courts c on c.id = p.court_id`);
  await sql.unsafe(`select setval(pg_get_serial_sequence('documents', 'id'), ${caseCount})`);
  // Pages that did not give a case: errors, captchas, throttling, lists with no data.
  await sql.unsafe(`insert into documents (url, source, kind, court_id, run_id, fetched_at, http_status, encoding, content_hash, raw, text, status)
    select 'http://failed.sudrf.example/' || g, 'sudrf', 'list', null, 1 + g % 2000, now() - (g % 5000 || ' hours')::interval,
      case when g % 4 = 0 then 503 else 200 end, 'windows-1251', md5('failed' || g), convert_to('x', 'UTF8'), 'x',
      (array['http_error','captcha','throttled','no_data','parse_failure']::document_status[])[1 + g % 5]
    from generate_series(1, ${Math.round(caseCount * 0.05)}) g`);
  await sql.unsafe(`insert into cases (id, unique_key, court_id, court_name, case_number, case_uid, case_type, received_date, decision_date,
      appeal_deadline, judge, result_text, source_url, document_id, act_text, created_at, updated_at)
    select g, 'uid:' || g, p.court_id, c.name, case when a.code = 'УК' then '1-' else '5-' end || (g % 9000) || '/' || extract(year from p.decision_date),
      c.code || '-01-' || extract(year from p.decision_date) || '-' || lpad((g % 1000000)::text, 6, '0'),
      case when a.code = 'УК' then 'criminal'::case_type when r(g, 9) < 0.06 then 'koap_appeal' else 'koap' end,
      p.decision_date - floor(r(g, 10) * 30)::int, p.decision_date, p.decision_date + 10,
      'Судья ' || (g % 300), 'Вынесено постановление о назначении административного наказания',
      c.base_url || '/modules.php?name=sud_delo&case_id=' || g, g,
      case when p.flagged then ${name(20)} || ', ' || to_char(date '1980-01-01' + (g % 9000), 'DD.MM.YYYY') || ' года рождения, '
        || case when p.strong then '${CUE}' else 'уроженец г. Ош' end || ', совершил правонарушение, предусмотренное ст. ' || a.article
        || ' ' || a.code || ' РФ. ' || repeat('Обстоятельства дела изложены в протоколе об административном правонарушении. ', 20)
        else 'Лицо совершило правонарушение, предусмотренное ст. ' || a.article || ' ' || a.code || ' РФ.' end,
      p.decision_date + interval '3 days', p.decision_date + interval '3 days'
    from seed_plan p join courts c on c.id = p.court_id join seed_articles a on a.idx = p.article_idx`);
  await sql.unsafe(`insert into persons (case_id, name_as_written, normalized_name, role, citizenship, gender, birth_date)
    select g, ${name(20)}, ${name(20)}, case when a.code = 'УК' then 'defendant'::person_role else 'person_charged' end,
      case when p.flagged and p.strong then 'KG' when r(g, 11) < 0.5 then 'RU' else null end,
      case when p.male then 'm' else 'f' end, date '1980-01-01' + (g % 9000)
    from seed_plan p join seed_articles a on a.idx = p.article_idx
    union all
    select g, ${name(30)}, ${name(30)}, 'person_charged', null, 'm', null::date from seed_plan where two_persons`);
  await sql.unsafe(`insert into charges (case_id, code, article, part)
    select g, a.code, a.article, a.part from seed_plan p join seed_articles a on a.idx = p.article_idx
    union all
    select g, 'КоАП', '20.25', '1' from seed_plan where two_charges`);
  await sql.unsafe(`insert into outcomes (case_id, kind, amount_rub, days, months)
    select g, case when a.code = 'УК' then (array['imprisonment','suspended','fine','returned']::outcome_kind[])[1 + floor(r(g, 12) * 4)::int]
                   when r(g, 12) < 0.05 then 'returned' when r(g, 12) < 0.08 then 'arrest' else 'fine' end,
      case when a.code = 'КоАП' then 2000 + 1000 * floor(r(g, 13) * 5)::int end, null::int,
      case when a.code = 'УК' then 6 + floor(r(g, 13) * 30)::int end
    from seed_plan p join seed_articles a on a.idx = p.article_idx
    union all
    select g, case when r(g, 14) < 0.6 then 'expulsion_forced'::outcome_kind when r(g, 14) < 0.8 then 'expulsion_self' else 'detention_center' end,
      null::int, null::int, null::int
    from seed_plan p join seed_articles a on a.idx = p.article_idx where a.article in ('18.8', '18.10') and r(g, 15) < 0.45`);
  await sql.unsafe(`insert into kyrgyz_flags (case_id, strength, confidence, evidence, created_at)
    select g, case when strong then 'yes'::flag_strength else 'possible' end, case when strong then 0.95 else 0.55 end,
      case when strong then jsonb_build_array(jsonb_build_object('start', position('${CUE}' in k.act_text) - 1,
        'end', position('${CUE}' in k.act_text) - 1 + ${CUE.length}, 'text', '${CUE}', 'cue', 'citizenship'))
      else jsonb_build_array(jsonb_build_object('start', position('уроженец г. Ош' in k.act_text) - 1,
        'end', position('уроженец г. Ош' in k.act_text) + 13, 'text', 'уроженец г. Ош', 'cue', 'birthplace')) end,
      p.decision_date + interval '3 days'
    from seed_plan p join cases k on k.id = p.g where p.flagged`);
  await sql.unsafe(`select setval(pg_get_serial_sequence('cases', 'id'), ${caseCount})`);
  const [counts] = await sql`select (select count(*) from courts)::int as courts, (select count(*) from cases)::int as cases,
    (select count(*) from kyrgyz_flags)::int as flagged, (select count(*) from persons)::int as persons,
    (select count(*) from charges)::int as charges, (select count(*) from outcomes)::int as outcomes,
    (select count(*) from documents)::int as documents`;
  return counts as unknown as SeedSummary;
}

/**
 * Reviews of the flagged cases (most of the last weeks' still new, older ones nearly all
 * reviewed: a backlog of a few thousand waiting cases), their history in the audit log, and
 * what NGO users follow.
 */
export async function seedReviews(sql: Sql, reviewerIds: number[], ngoIds: number[]): Promise<void> {
  const reviewers = `(array[${reviewerIds.join(',')}])`;
  await sql.unsafe(`insert into reviews (case_id, status, assigned_to, reviewed_by, reviewed_at, note)
    select f.case_id, s.status, case when r(f.case_id, 16) < 0.2 then ${reviewers}[1 + floor(r(f.case_id, 17) * ${reviewerIds.length})::int] end,
      case when s.status <> 'new' then ${reviewers}[1 + floor(r(f.case_id, 17) * ${reviewerIds.length})::int] end,
      case when s.status <> 'new' then f.created_at + interval '2 days' end, null
    from kyrgyz_flags f join cases k on k.id = f.case_id
    cross join lateral (select case when k.decision_date > date '2026-10-01' and r(f.case_id, 18) < 0.7 then 'new'::review_status
      when r(f.case_id, 18) < 0.03 then 'new' when r(f.case_id, 18) < 0.76 then 'confirmed'
      when r(f.case_id, 18) < 0.96 then 'dismissed' else 'needs_follow_up' end as status) s`);
  await sql.unsafe(`insert into audit_log (at, user_id, actor, action, entity_type, entity_id, details)
    select reviewed_at, reviewed_by, 'officer', 'review.set', 'case', case_id::text, jsonb_build_object('from', 'new', 'to', status)
    from reviews where status <> 'new'`);
  const ngos = `(array[${ngoIds.join(',')}])`;
  await sql.unsafe(`insert into follows (user_id, case_id)
    select distinct ${ngos}[1 + (case_id % ${ngoIds.length})], case_id from reviews where status in ('confirmed', 'needs_follow_up') and r(case_id, 19) < 0.01`);
  await sql.unsafe(`insert into follows (user_id, person_name)
    select distinct on (${ngos}[1 + (p.case_id % ${ngoIds.length})], p.normalized_name) ${ngos}[1 + (p.case_id % ${ngoIds.length})], p.normalized_name
    from persons p join reviews v on v.case_id = p.case_id where v.status = 'confirmed' and r(p.case_id, 21) < 0.001`);
}

export async function dropSeedTables(sql: Sql): Promise<void> {
  await sql.unsafe('drop table seed_plan; drop table seed_articles; drop table seed_court_slots; drop function r(int, int)');
}
