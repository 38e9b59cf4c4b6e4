// The stored pipeline analyses a document again when an older PIPELINE_VERSION analysed it
// (pipeline/version.ts). This test keeps the version honest: it fingerprints the analyses of the
// corpus, generated and hand-written (the answer lines of `kuzet analyze`), and a change to any of
// them fails it until PIPELINE_VERSION is raised and the new fingerprint recorded below. A change
// that keeps every analysis (a speed-up, a refactoring) keeps the fingerprint; a change to the
// corpus alone needs only the new fingerprint, for the same version.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../bench/pipeline-paths.ts';
import { analyzeDocument } from '../../pipeline/analyze.ts';
import { analysisJsonLine } from '../../pipeline/answer-line.ts';
import { PIPELINE_VERSION } from '../../pipeline/version.ts';

/** The fingerprint of the corpus's analyses under the current version (older ones need not be kept). */
const FINGERPRINTS: Record<number, string> = {
  4: 'ddb1f358a3717bf0077f0f41f90bbf9b0383cfaf5a5b3e9d0b04cb472c251489',
};

/** The acts of a corpus folder of this repository (not ../shared, which may change under us), by name. */
function actsIn(folder: string): { id: string; text: string }[] {
  const dir = resolve(repoRoot, folder);
  // Sorted: directory order differs between file systems.
  return readdirSync(dir).sort().map((file) => ({ id: file, text: readFileSync(resolve(dir, file), 'utf8') }));
}

function corpusFingerprint(): string {
  const documents = [...actsIn('test/corpus/docs'), ...actsIn('test/corpus/handwritten/docs')];
  const hash = createHash('sha256');
  for (const document of documents) hash.update(`${analysisJsonLine(analyzeDocument(document))}\n`);
  return hash.digest('hex');
}

describe('the pipeline version', () => {
  it('is raised whenever the analyses of the corpus change', () => {
    const fingerprint = corpusFingerprint();
    expect(
      fingerprint,
      `the analyses of the corpus changed: raise PIPELINE_VERSION (pipeline/version.ts) to ${PIPELINE_VERSION + 1} and record ${fingerprint} for it here, so that stored documents are analysed again (if only the corpus changed, record it for ${PIPELINE_VERSION})`,
    ).toBe(FINGERPRINTS[PIPELINE_VERSION]);
  });
});
