// The sudrf search URLs Kuzet needs: per court, srv_num, case type, watched article and
// publication-date window. Query values are percent-encoded in windows-1251, as the sites expect.
import { encodeQueryValueCp1251 } from '../../engine/decode.ts';

export interface CaseTypeQuery {
  name: 'koap' | 'criminal' | 'kas';
  deloId: string;
  /** Primary layout table prefixes: case table, parties table, document table. */
  caseTable: string;
  partiesTable: string;
  documentTable: string;
  /** Articles to filter on; empty = every case of the type in the window. */
  articles: string[];
}

export const watchedCaseTypes: CaseTypeQuery[] = [
  {
    name: 'koap',
    deloId: '1500001',
    caseTable: 'adm_case',
    partiesTable: 'adm_parts',
    documentTable: 'adm_document',
    articles: ['18.8', '18.10', '18.11', '18.15', '18.9', '20.25', '19.27'],
  },
  {
    name: 'criminal',
    deloId: '1540006',
    caseTable: 'u1_case',
    partiesTable: 'U1_DEFENDANT',
    documentTable: 'U1_DOCUMENT',
    articles: ['322', '322.1', '322.2', '322.3', '327'],
  },
  { name: 'kas', deloId: '41', caseTable: 'p1_case', partiesTable: 'p1_parts', documentTable: 'p1_document', articles: [] },
];

const SUBMIT = 'Submit=%CD%E0%E9%F2%E8'; // «Найти» in windows-1251: without it the site returns nothing.

/** dd.mm.yyyy from YYYY-MM-DD. */
export function ruDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}

export interface ListQuery {
  baseUrl: string;
  layout: 'primary' | 'vnkod';
  srvNum: number;
  caseType: CaseTypeQuery;
  article: string | null;
  since: string;
  until: string;
}

export function listUrl(query: ListQuery): string {
  const { caseType } = query;
  const article = query.article ? encodeQueryValueCp1251(query.article) : '';
  const params =
    query.layout === 'primary'
      ? [
          'name=sud_delo',
          `srv_num=${query.srvNum}`,
          'name_op=r',
          `delo_id=${caseType.deloId}`,
          'case_type=0',
          'new=0',
          `delo_table=${caseType.caseTable}`,
          `${caseType.partiesTable}__LAW_ARTICLESS=${article}`,
          `${caseType.documentTable}__PUBL_DATE1D=${ruDate(query.since)}`,
          `${caseType.documentTable}__PUBL_DATE2D=${ruDate(query.until)}`,
          SUBMIT,
        ]
      : [
          'name=sud_delo',
          `srv_num=${query.srvNum}`,
          'name_op=r',
          `_deloId=${caseType.deloId}`,
          'case__case_type=0',
          '_new=0',
          `parts__law_articless=${article}`,
          `document__publ_date1d=${ruDate(query.since)}`,
          `document__publ_date2d=${ruDate(query.until)}`,
          SUBMIT,
        ];
  return `${query.baseUrl.replace(/\/$/, '')}/modules.php?${params.join('&')}`;
}
