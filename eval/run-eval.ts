// npm run eval: the pipeline against the labelled corpus (test/corpus: generated tune and holdout
// parts, and the real decisions with hand-written labels). Prints precision/recall/F1 of the
// Kyrgyz flag (per defendant and per case), charges (article + part), outcomes (kinds; kinds with
// amounts/terms), and defendants' names; then the errors by document. Holdout errors stay hidden
// unless --show-holdout-errors is given, so tuning does not read them.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { analyzeDocument } from '../pipeline/analyze.ts';
import type { CaseAnalysis, PersonMention } from '../pipeline/types.ts';
import { corpusLabelSchema, type CorpusLabel } from '../test/corpus/labels.ts';
import { Counts, formatRow } from './metrics.ts';
import { realPagesDir } from '../test/helpers/real-pages.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const corpus = resolve(repoRoot, 'test/corpus');
const realPages = resolve(realPagesDir, 'decision_txt');

interface LabelledDoc {
  label: CorpusLabel;
  text: string;
  group: 'tune' | 'holdout' | 'handwritten' | 'real';
}

function loadCorpus(): LabelledDoc[] {
  const docs: LabelledDoc[] = [];
  for (const file of readdirSync(resolve(corpus, 'labels')).sort()) {
    const label = corpusLabelSchema.parse(JSON.parse(readFileSync(resolve(corpus, 'labels', file), 'utf8')));
    docs.push({ label, text: readFileSync(resolve(corpus, 'docs', `${label.id}.txt`), 'utf8'), group: label.split });
  }
  // Hand-written acts, phrased unlike any template: a second blind set, written after tuning.
  for (const file of readdirSync(resolve(corpus, 'handwritten/labels')).sort()) {
    const label = corpusLabelSchema.parse(JSON.parse(readFileSync(resolve(corpus, 'handwritten/labels', file), 'utf8')));
    docs.push({ label, text: readFileSync(resolve(corpus, 'handwritten/docs', `${label.id}.txt`), 'utf8'), group: 'handwritten' });
  }
  for (const file of readdirSync(resolve(corpus, 'real-labels')).sort()) {
    const label = corpusLabelSchema.parse(JSON.parse(readFileSync(resolve(corpus, 'real-labels', file), 'utf8')));
    docs.push({ label, text: readFileSync(resolve(realPages, `${label.id}.txt`), 'utf8'), group: 'real' });
  }
  return docs;
}

const fold = (name: string) => name.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').replace(/\.\s/g, '.').trim();
const isAccused = (p: PersonMention) => p.role === 'defendant' || p.role === 'person_charged';

interface GroupMetrics {
  flag: Counts;
  caseFlag: Counts;
  charges: Counts;
  outcomeKinds: Counts;
  outcomes: Counts;
  names: Counts;
  /** Outcomes (with amounts, terms and regime) attributed to the right defendant, where labelled. */
  outcomesByPerson: Counts;
  documents: number;
}

const emptyMetrics = (): GroupMetrics => ({ flag: new Counts(), caseFlag: new Counts(), charges: new Counts(), outcomeKinds: new Counts(), outcomes: new Counts(), names: new Counts(), outcomesByPerson: new Counts(), documents: 0 });

/** Matches labelled defendants to the persons charged in the analysis. */
function matchDefendants(label: CorpusLabel, analysis: CaseAnalysis): (PersonMention | null)[] {
  const accused = analysis.persons.filter(isAccused);
  const used = new Set<PersonMention>();
  return label.defendants.map((d, index) => {
    const byName = d.name ? accused.find((p) => !used.has(p) && p.normalized && fold(p.normalized) === fold(d.name!)) : undefined;
    const byPlace = byName ?? (label.defendants.length === accused.length ? accused[index] : undefined);
    const sole = byPlace ?? (label.defendants.length === 1 && accused.length >= 1 ? accused[0] : undefined);
    if (sole) used.add(sole);
    return sole ?? null;
  });
}

function compare(doc: LabelledDoc, analysis: CaseAnalysis, m: GroupMetrics): string[] {
  const errors: string[] = [];
  const { label } = doc;
  const matched = matchDefendants(label, analysis);
  label.defendants.forEach((d, i) => {
    const person = matched[i];
    const predicted = person ? person.citizenship === 'KG' : label.defendants.length === 1 && analysis.kyrgyz.flag === 'yes';
    m.flag.add(predicted, d.kyrgyzFlag === 'yes');
    if (predicted !== (d.kyrgyzFlag === 'yes')) errors.push(`flag: defendant ${d.name ?? `#${i + 1}`} expected ${d.kyrgyzFlag}, got ${predicted ? 'yes' : 'not yes'}`);
  });
  // Persons charged that match no labelled defendant but are flagged Kyrgyz: false positives.
  for (const p of analysis.persons.filter(isAccused)) {
    if (!matched.includes(p) && p.citizenship === 'KG') {
      m.flag.add(true, false);
      errors.push(`flag: unexpected Kyrgyz person charged ${p.name}`);
    }
  }
  m.caseFlag.add(analysis.kyrgyz.flag === 'yes', label.caseFlag === 'yes');
  if ((analysis.kyrgyz.flag === 'yes') !== (label.caseFlag === 'yes') || (label.caseFlag === 'possible') !== (analysis.kyrgyz.flag === 'possible')) {
    errors.push(`case flag: expected ${label.caseFlag}, got ${analysis.kyrgyz.flag} [${analysis.kyrgyz.evidence.map((e) => e.text).join(' | ')}]`);
  }
  const chargeKey = (c: { code: string; article: string; part: string | null }) => `${c.code} ${c.article}${c.part ? ` ч.${c.part}` : ''}`;
  errors.push(...m.charges.addSets(new Set(analysis.charges.map(chargeKey)), new Set(label.charges.map(chargeKey)), 'charge'));
  const kind = (o: { kind: string }) => o.kind;
  const full = (o: { kind: string; amountRub?: number; days?: number; months?: number; regime?: string }) =>
    [o.kind, o.amountRub && `${o.amountRub} руб`, o.days && `${o.days} сут`, o.months && `${o.months} мес`].filter(Boolean).join(' ');
  m.outcomeKinds.addSets(new Set(analysis.outcomes.map(kind)), new Set(label.outcomes.map(kind)), 'outcome kind');
  errors.push(...m.outcomes.addSets(new Set(analysis.outcomes.map(full)), new Set(label.outcomes.map(full)), 'outcome'));
  // Labels that say whose each outcome is: the outcome must name that defendant (and the regime must be read).
  if (label.outcomes.some((o) => o.defendant !== undefined)) {
    const owner = (index: number) => `${label.defendants[index]?.name ?? `defendant #${index + 1}`}:`;
    const withRegime = (o: { kind: string; amountRub?: number; days?: number; months?: number; regime?: string }) => [full(o), o.regime].filter(Boolean).join(' ');
    const expected = new Set(label.outcomes.map((o) => `${o.defendant === undefined ? 'nobody:' : owner(o.defendant)} ${withRegime(o)}`));
    const predicted = new Set(
      analysis.outcomes.map((o) => {
        const index = o.person === undefined ? -1 : matched.findIndex((p) => p?.name === o.person);
        return `${index >= 0 ? owner(index) : `${o.person ?? 'nobody'}:`} ${withRegime(o)}`;
      }),
    );
    errors.push(...m.outcomesByPerson.addSets(predicted, expected, 'outcome by person'));
  }
  const predictedNames = new Set(analysis.persons.filter((p) => isAccused(p) && p.normalized && !p.depersonalized).map((p) => fold(p.normalized!)));
  const expectedNames = new Set(label.defendants.filter((d) => d.name).map((d) => fold(d.name!)));
  errors.push(...m.names.addSets(predictedNames, expectedNames, 'name'));
  m.documents += 1;
  return errors;
}

function main(): void {
  const showHoldout = process.argv.includes('--show-holdout-errors');
  const docs = loadCorpus();
  const groups = { tune: emptyMetrics(), holdout: emptyMetrics(), handwritten: emptyMetrics(), real: emptyMetrics() };
  const errorsByDoc: { id: string; group: string; errors: string[] }[] = [];
  for (const doc of docs) {
    const analysis = analyzeDocument({ id: doc.label.id, text: doc.text });
    const errors = compare(doc, analysis, groups[doc.group]);
    if (errors.length > 0) errorsByDoc.push({ id: doc.label.id, group: doc.group, errors });
  }
  const targets = { flag: '≥0.99 P, ≥0.98 R', charges: 'F1 ≥0.98', outcomes: 'F1 ≥0.97', names: 'F1 ≥0.95' };
  for (const [group, m] of Object.entries(groups)) {
    console.log(`\n== ${group}: ${m.documents} documents`);
    console.log(formatRow('Kyrgyz flag (defendant)', m.flag, targets.flag));
    console.log(formatRow('Kyrgyz flag (case)', m.caseFlag, targets.flag));
    console.log(formatRow('charges (article+part)', m.charges, targets.charges));
    console.log(formatRow('outcome kinds', m.outcomeKinds, targets.outcomes));
    console.log(formatRow('outcomes with amounts', m.outcomes, targets.outcomes));
    console.log(formatRow('defendant names', m.names, targets.names));
    console.log(formatRow('outcomes by defendant', m.outcomesByPerson, targets.outcomes));
  }
  console.log(`\n== errors by document (${errorsByDoc.length} documents with errors)`);
  for (const { id, group, errors } of errorsByDoc) {
    if ((group === 'holdout' || group === 'handwritten') && !showHoldout) continue;
    console.log(`${id} [${group}]`);
    for (const error of errors) console.log(`  ${error}`);
  }
  if (!showHoldout) console.log(`(${errorsByDoc.filter((e) => e.group === 'holdout' || e.group === 'handwritten').length} holdout/handwritten documents with errors not shown: --show-holdout-errors)`);
}

main();
