// Which pipeline analysed a stored document. Raise PIPELINE_VERSION whenever a change to the
// pipeline changes the analysis of a document already stored (a new cue, a penalty read, a
// deadline): the next run of the stored pipeline (run-stored.ts) analyses again every document an
// older version analysed, so cases stored before the change get its benefit. Reviews are kept.
//
// test/pipeline/version.test.ts holds the fingerprint of the corpus's analyses under this
// version: a change to them fails it until the version is raised and the fingerprint recorded.

/** 1: until 5 December 2026 (no version recorded). 2: КАС deadlines, expulsion without its form, ordinal parts and more. 3: birth dates with the month in words, birthplaces after «родившегося <date> в». 4: persons named after «гражданина Украины», «… Азербайджанской Республики», «… <данные изъяты>» (the corpus's analyses are those of 3). */
export const PIPELINE_VERSION = 4;
