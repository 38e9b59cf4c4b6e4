// The stored pipeline analyses a document again when an older PIPELINE_VERSION analysed it
// (pipeline/version.ts). This test keeps the version honest: it fingerprints the analyses of the
// whole corpus (the answer lines of `kuzet analyze`), and a change to any of them fails it until
// PIPELINE_VERSION is raised and the new fingerprint recorded below. A change that keeps every
// analysis (a speed-up, a refactoring) keeps the fingerprint.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusTexts, repoRoot } from '../../bench/pipeline-paths.ts';
import { analyzeDocument } from '../../pipeline/analyze.ts';
import { analysisJsonLine } from '../../pipeline/answer-line.ts';
import { PIPELINE_VERSION } from '../../pipeline/version.ts';

/** The fingerprint of the corpus's analyses under each version. */
const FINGERPRINTS: Record<number, string> = {
  2: 'dffbba76d7ab131f8a100415f5c005f76c11f1dec4d4d4e2b62dcf30908f9e79',
  3: '9bef59ddddca37e677450c9b14a7478e36ac7a2832da3d764f5f6998d9218e92',
};

function corpusFingerprint(): string {
  const handwritten = resolve(repoRoot, 'test/corpus/handwritten/docs');
  const documents = [
    ...corpusTexts(),
    ...readdirSync(handwritten).map((file) => ({ id: file, text: readFileSync(resolve(handwritten, file), 'utf8') })),
  ].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)); // directory order differs between file systems
  const hash = createHash('sha256');
  for (const document of documents) hash.update(`${analysisJsonLine(analyzeDocument(document))}\n`);
  return hash.digest('hex');
}

describe('the pipeline version', () => {
  it('is raised whenever the analyses of the corpus change', () => {
    const fingerprint = corpusFingerprint();
    expect(
      fingerprint,
      `the analyses of the corpus changed: raise PIPELINE_VERSION (pipeline/version.ts) to ${PIPELINE_VERSION + 1} and record ${fingerprint} for it here, so that stored documents are analysed again`,
    ).toBe(FINGERPRINTS[PIPELINE_VERSION]);
  });
});
