// The single description of Kuzet's data. Migrations in db/migrations are generated
// from this file by drizzle-kit (`npm run db:generate`) and committed.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

// ---------------------------------------------------------------- sources

export const courtLayout = pgEnum('court_layout', ['primary', 'vnkod', 'mosgorsud', 'other']);

/** A court site (or other source endpoint) that crawlers visit. */
export const courts = pgTable(
  'courts',
  {
    id: serial('id').primaryKey(),
    source: text('source').notNull(), // 'sudrf', 'mosgorsud', ...
    code: text('code').notNull(), // VNKOD, e.g. 22RS0001
    name: text('name').notNull(),
    regionCode: text('region_code'),
    region: text('region'),
    baseUrl: text('base_url').notNull(),
    layout: courtLayout('layout').notNull().default('primary'),
    srvNums: integer('srv_nums').array().notNull().default(sql`'{1}'::integer[]`),
    hasCaptcha: boolean('has_captcha').notNull().default(false),
    captchaSeenAt: timestamp('captcha_seen_at', { withTimezone: true }),
    blockedUntil: timestamp('blocked_until', { withTimezone: true }),
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('courts_source_code_uq').on(t.source, t.code)],
);

export const crawlRunStatus = pgEnum('crawl_run_status', ['running', 'finished', 'failed', 'interrupted']);

export const crawlRuns = pgTable('crawl_runs', {
  id: serial('id').primaryKey(),
  source: text('source').notNull(),
  status: crawlRunStatus('status').notNull().default('running'),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  worker: text('worker'),
  pagesFetched: integer('pages_fetched').notNull().default(0),
  newDocuments: integer('new_documents').notNull().default(0),
  errors: integer('errors').notNull().default(0),
  /** Cases created or changed by the pipeline after this run. */
  newCases: integer('new_cases'),
  /** The schedule that started the run, null for a run started by hand. */
  schedule: text('schedule'),
  params: jsonb('params').$type<Record<string, unknown>>(),
  stats: jsonb('stats').$type<Record<string, number>>(),
});

export const requestState = pgEnum('request_state', ['queued', 'in_progress', 'done', 'failed', 'skipped']);

/**
 * The crawl frontier. It lives in the database so that a killed crawler resumes where it
 * stopped and several crawler processes can share it (claimed with FOR UPDATE SKIP LOCKED).
 */
export const crawlRequests = pgTable(
  'crawl_requests',
  {
    id: serial('id').primaryKey(),
    uniqueKey: text('unique_key').notNull(),
    url: text('url').notNull(),
    host: text('host').notNull(),
    source: text('source').notNull(),
    kind: text('kind').notNull(), // 'list' | 'card' | 'doc' | ...
    courtId: integer('court_id').references(() => courts.id),
    state: requestState('state').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedBy: text('locked_by'),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    lastError: text('last_error'),
    userData: jsonb('user_data').$type<Record<string, unknown>>(),
    runId: integer('run_id').references(() => crawlRuns.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('crawl_requests_key_uq').on(t.uniqueKey),
    index('crawl_requests_claim_idx').on(t.state, t.nextAttemptAt),
  ],
);

/**
 * A lease per schedule, so that two machines never run the same schedule at once. The holder
 * renews it while its run goes on; an expired lease (a crashed holder) can be taken over.
 */
export const scheduleLocks = pgTable('schedule_locks', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  acquiredAt: timestamp('acquired_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/**
 * How far each court's lists have been read, per case type: the next run starts a day before
 * it (late publications) instead of re-reading everything.
 */
export const crawlCursors = pgTable(
  'crawl_cursors',
  {
    courtId: integer('court_id')
      .notNull()
      .references(() => courts.id, { onDelete: 'cascade' }),
    caseType: text('case_type').notNull(),
    publishedUntil: date('published_until', { mode: 'string' }).notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.courtId, t.caseType] })],
);

/** Per-host politeness state shared by every crawler process. */
export const hosts = pgTable('hosts', {
  host: text('host').primaryKey(),
  nextAllowedAt: timestamp('next_allowed_at', { withTimezone: true }).notNull().defaultNow(),
  cooldownUntil: timestamp('cooldown_until', { withTimezone: true }),
  cooldownReason: text('cooldown_reason'),
});

export const documentStatus = pgEnum('document_status', [
  'ok',
  'no_data',
  'captcha',
  'throttled',
  'geo_blocked',
  'waf_blocked',
  'http_error',
  'parse_failure',
]);

/** A fetched page, kept raw for audit. A changed page is a new row; an unchanged one is not stored again. */
export const documents = pgTable(
  'documents',
  {
    id: serial('id').primaryKey(),
    url: text('url').notNull(),
    requestKey: text('request_key'),
    source: text('source').notNull(),
    kind: text('kind').notNull(),
    courtId: integer('court_id').references(() => courts.id),
    runId: integer('run_id').references(() => crawlRuns.id),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull().defaultNow(),
    httpStatus: integer('http_status').notNull(),
    headers: jsonb('headers').$type<Record<string, string>>(),
    encoding: text('encoding').notNull(),
    contentHash: text('content_hash').notNull(),
    raw: bytea('raw').notNull(),
    text: text('text').notNull(),
    status: documentStatus('status').notNull().default('ok'),
    /** What the source parsed out of the page (a CaseCard for case pages), validated when read. */
    parsed: jsonb('parsed').$type<unknown>(),
    failureReason: text('failure_reason'),
    /** Content hash the pipeline last processed; equal to contentHash when up to date. */
    analyzedHash: text('analyzed_hash'),
    /** PIPELINE_VERSION of the pipeline that last processed it: an older one's analysis is redone. */
    analyzedVersion: integer('analyzed_version'),
    analyzedAt: timestamp('analyzed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('documents_url_hash_uq').on(t.url, t.contentHash),
    index('documents_analyzed_idx').on(t.status, t.analyzedHash),
  ],
);

// ---------------------------------------------------------------- cases

export const caseType = pgEnum('case_type', ['koap', 'koap_appeal', 'criminal', 'kas', 'civil', 'other']);

export const cases = pgTable(
  'cases',
  {
    id: serial('id').primaryKey(),
    /** case_uid when the court gives one, else `<court code>:<case number>`. */
    uniqueKey: text('unique_key').notNull(),
    courtId: integer('court_id').references(() => courts.id),
    courtName: text('court_name'),
    caseNumber: text('case_number'),
    caseUid: text('case_uid'),
    caseType: caseType('case_type').notNull().default('other'),
    receivedDate: date('received_date', { mode: 'string' }),
    decisionDate: date('decision_date', { mode: 'string' }),
    appealDeadline: date('appeal_deadline', { mode: 'string' }),
    judge: text('judge'),
    resultText: text('result_text'),
    sourceUrl: text('source_url').notNull(),
    documentId: integer('document_id').references(() => documents.id),
    actText: text('act_text'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('cases_unique_key_uq').on(t.uniqueKey), index('cases_decision_date_idx').on(t.decisionDate)],
);

export const personRole = pgEnum('person_role', ['defendant', 'person_charged', 'victim', 'witness', 'other']);

export const persons = pgTable(
  'persons',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    nameAsWritten: text('name_as_written').notNull(),
    normalizedName: text('normalized_name'),
    role: personRole('role').notNull().default('other'),
    citizenship: text('citizenship'), // ISO 3166 alpha-2, null when unknown
    gender: text('gender'), // 'm' | 'f' | null
    birthDate: date('birth_date', { mode: 'string' }),
    birthPlace: text('birth_place'),
    depersonalized: boolean('depersonalized').notNull().default(false),
  },
  (t) => [
    index('persons_case_idx').on(t.caseId),
    index('persons_normalized_idx').on(t.normalizedName),
    // The name a person is followed by (db/queries/follows.ts): finds a followed person's cases.
    index('persons_follow_name_idx').on(sql`coalesce(${t.normalizedName}, ${t.nameAsWritten})`),
  ],
);

export const chargeCode = pgEnum('charge_code', ['КоАП', 'УК', 'КАС']);

export const charges = pgTable(
  'charges',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    personId: integer('person_id').references(() => persons.id, { onDelete: 'cascade' }),
    code: chargeCode('code').notNull(),
    article: text('article').notNull(),
    part: text('part'),
    item: text('item'),
  },
  (t) => [index('charges_case_idx').on(t.caseId), index('charges_article_idx').on(t.code, t.article)],
);

export const outcomeKind = pgEnum('outcome_kind', [
  'fine',
  'expulsion_forced',
  'expulsion_self',
  'no_expulsion',
  'detention_center',
  'arrest',
  'imprisonment',
  'suspended',
  'returned',
  'forwarded',
  'cancelled',
  'other',
]);

export const outcomes = pgTable(
  'outcomes',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    /** The person charged it was decided for, when the act has several (or only one); null when unknown. */
    personId: integer('person_id').references(() => persons.id, { onDelete: 'set null' }),
    kind: outcomeKind('kind').notNull(),
    amountRub: integer('amount_rub'),
    days: integer('days'),
    months: integer('months'),
    /** Imprisonment only: 'general' | 'strict' | 'special' (colony regime) or 'settlement'. */
    regime: text('regime'),
    text: text('text'),
  },
  (t) => [index('outcomes_case_idx').on(t.caseId), index('outcomes_person_idx').on(t.personId)],
);

export const flagStrength = pgEnum('flag_strength', ['yes', 'possible']);

export interface EvidenceSpan {
  start: number;
  end: number;
  text: string;
  cue: string;
}

/** Why a case was flagged as involving a Kyrgyz citizen: the exact spans, with a confidence. */
export const kyrgyzFlags = pgTable(
  'kyrgyz_flags',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    strength: flagStrength('strength').notNull(),
    confidence: real('confidence').notNull(),
    evidence: jsonb('evidence').$type<EvidenceSpan[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('kyrgyz_flags_case_uq').on(t.caseId)],
);

export const reviewStatus = pgEnum('review_status', ['new', 'confirmed', 'dismissed', 'needs_follow_up']);

/** The current triage state of a flagged case; its history is in the audit log. */
export const reviews = pgTable(
  'reviews',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    status: reviewStatus('status').notNull().default('new'),
    assignedTo: integer('assigned_to').references(() => users.id),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    note: text('note'),
  },
  (t) => [
    uniqueIndex('reviews_case_uq').on(t.caseId),
    index('reviews_status_idx').on(t.status),
    // The latest dismissal is one index step: cached trends check it to know they are current.
    index('reviews_status_reviewed_idx').on(t.status, t.reviewedAt),
  ],
);

/**
 * Counters bumped by triggers (migration 0010) whenever flags or reviews change, by any writer:
 * what the dashboard keeps in memory (db/queries/flagged-facts.ts) asks one row to know whether
 * it is still current. A writer holds the row until it commits, so every commit changes the value.
 */
export const changeCounters = pgTable('change_counters', {
  name: text('name').primaryKey(),
  value: bigint('value', { mode: 'number' }).notNull().default(0),
});

/**
 * Which case each counted change was about (migration 0011): the trigger that bumps a counter
 * logs the case under the counter's new value, so that a reader a few changes behind reloads
 * those cases only. A row without a case (a truncation) means: reload everything. Old entries are
 * pruned by the same trigger; a reader further behind than the log reloads everything.
 */
export const changeLog = pgTable(
  'change_log',
  {
    kind: text('kind').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    caseId: integer('case_id'),
  },
  (t) => [primaryKey({ columns: [t.kind, t.seq] })],
);

// ---------------------------------------------------------------- consular records

/** A detained citizen known to a consulate. */
export const detainees = pgTable(
  'detainees',
  {
    id: serial('id').primaryKey(),
    importKey: text('import_key').notNull(),
    district: text('district'),
    latinName: text('latin_name'),
    cyrillicName: text('cyrillic_name'),
    birthDate: date('birth_date', { mode: 'string' }),
    passportNumber: text('passport_number'),
    detainedOn: date('detained_on', { mode: 'string' }),
    detentionPlace: text('detention_place'),
    detentionCentre: text('detention_centre'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('detainees_import_key_uq').on(t.importKey)],
);

export const matchStatus = pgEnum('match_status', ['candidate', 'confirmed', 'rejected']);

export const matches = pgTable(
  'matches',
  {
    id: serial('id').primaryKey(),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    detaineeId: integer('detainee_id')
      .notNull()
      .references(() => detainees.id, { onDelete: 'cascade' }),
    score: real('score').notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull(),
    status: matchStatus('status').notNull().default('candidate'),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('matches_pair_uq').on(t.personId, t.detaineeId), index('matches_detainee_idx').on(t.detaineeId)],
);

/**
 * Officers' decisions on matches, kept by case, detainee and the person's name as written
 * (canonical words) rather than by persons.id: re-analysing a case writes its persons anew,
 * which deletes their matches, and refreshMatches restores the decision from here.
 */
export const matchDecisions = pgTable(
  'match_decisions',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    detaineeId: integer('detainee_id')
      .notNull()
      .references(() => detainees.id, { onDelete: 'cascade' }),
    personNameKey: text('person_name_key').notNull(),
    status: matchStatus('status').notNull(),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('match_decisions_uq').on(t.caseId, t.detaineeId, t.personNameKey)],
);

/**
 * Search keys of the names of court persons and detainee records (matching/name-keys.ts), so
 * that finding who may be a given person is a btree look-up, not a scan of every name. A row
 * belongs to exactly one person or one detainee record and goes with it.
 */
export const nameKeys = pgTable(
  'name_keys',
  {
    key: text('key').notNull(),
    personId: integer('person_id').references(() => persons.id, { onDelete: 'cascade' }),
    detaineeId: integer('detainee_id').references(() => detainees.id, { onDelete: 'cascade' }),
  },
  (t) => [
    // key first for the look-up, the owners after it so the look-up never visits the table.
    index('name_keys_lookup_idx').on(t.key, t.personId, t.detaineeId),
    index('name_keys_person_idx').on(t.personId),
    index('name_keys_detainee_idx').on(t.detaineeId),
    check('name_keys_one_owner', sql`(${t.personId} is null) <> (${t.detaineeId} is null)`),
  ],
);

export const entryBanResult = pgEnum('entry_ban_result', ['ban', 'no_data', 'unknown']);

/**
 * One on-demand look-up of a detainee in the MVD entry-ban service, with its date: the answer
 * holds on that day only. The raw answer page is a stored document.
 */
export const entryBanChecks = pgTable(
  'entry_ban_checks',
  {
    id: serial('id').primaryKey(),
    detaineeId: integer('detainee_id')
      .notNull()
      .references(() => detainees.id, { onDelete: 'cascade' }),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow(),
    result: entryBanResult('result').notNull(),
    /** Why the result is unknown (captcha, HTTP error, unrecognised page); null otherwise. */
    reason: text('reason'),
    documentId: integer('document_id').references(() => documents.id),
    requestedBy: integer('requested_by').references(() => users.id),
  },
  (t) => [index('entry_ban_checks_detainee_idx').on(t.detaineeId, t.checkedAt)],
);

// ---------------------------------------------------------------- people who use Kuzet

export const userRole = pgEnum('user_role', ['admin', 'consular', 'ngo', 'analyst']);

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name'),
    passwordHash: text('password_hash').notNull(),
    role: userRole('role').notNull(),
    district: text('district'),
    /** Where daily digests of new flagged cases go (consular officers); null: none sent. */
    email: text('email'),
    /** Interface language chosen by the user ('ru', 'en', 'ky'); null: from the browser. */
    language: text('language'),
    disabled: boolean('disabled').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the session token: the token itself is only in the user's cookie. */
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * A case or a person someone follows (NGO follow-up). A person is followed by name
 * (normalized when known) so that the same person's other cases show up too.
 */
export const follows = pgTable(
  'follows',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    caseId: integer('case_id').references(() => cases.id, { onDelete: 'cascade' }),
    personName: text('person_name'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('follows_user_case_uq').on(t.userId, t.caseId),
    uniqueIndex('follows_user_person_uq').on(t.userId, t.personName),
    check('follows_one_target', sql`(${t.caseId} is null) <> (${t.personName} is null)`),
  ],
);

/** When a user last opened a page whose content is "what changed since your last visit". */
export const pageVisits = pgTable(
  'page_visits',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    page: text('page').notNull(),
    visitedAt: timestamp('visited_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.page] })],
);

/** Who did what, when. Append-only. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: serial('id').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: integer('user_id').references(() => users.id),
    actor: text('actor').notNull(), // username or 'system'
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_log_entity_idx').on(t.entityType, t.entityId), index('audit_log_at_idx').on(t.at)],
);

// ---------------------------------------------------------------- notifications

/** One daily digest of newly flagged cases for one consular district, as sent or written out. */
export const digests = pgTable(
  'digests',
  {
    id: serial('id').primaryKey(),
    district: text('district').notNull(),
    /** The day the digest is for (YYYY-MM-DD, in the service's time zone). */
    digestDate: date('digest_date', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
    /** 'smtp' when mailed, 'outbox' when written to a file because no SMTP server is configured. */
    channel: text('channel').notNull(),
    recipientCount: integer('recipient_count').notNull(),
    caseCount: integer('case_count').notNull(),
    /** The SMTP message id, or the outbox file written. */
    reference: text('reference'),
  },
  (t) => [index('digests_district_idx').on(t.district, t.digestDate)],
);

/** Which cases a district has been told about: the next digest lists only the others. */
export const digestCases = pgTable(
  'digest_cases',
  {
    digestId: integer('digest_id')
      .notNull()
      .references(() => digests.id, { onDelete: 'cascade' }),
    district: text('district').notNull(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
  },
  (t) => [uniqueIndex('digest_cases_district_case_uq').on(t.district, t.caseId)],
);
