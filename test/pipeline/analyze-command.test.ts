import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('kuzet analyze (JSON Lines contract)', () => {
  it('writes exactly one JSON line per input line, errors included, and nothing else on stdout', () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'в отношении Асанова Б., гражданина Кыргызской Республики, по ч. 1.1 ст. 18.8 КоАП РФ' }),
      'not json',
      JSON.stringify({ id: 'b' }),
      JSON.stringify({ id: 'c', text: '<p>гражданина Республики Узбекистан</p>' }),
    ].join('\n');
    const run = spawnSync(process.execPath, ['bin/kuzet.js', 'analyze'], { input, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ id: 'a', kyrgyz: { flag: 'yes' }, charges: [{ code: 'КоАП', article: '18.8', part: '1.1' }] });
    expect(lines[0].text).toBeUndefined();
    expect(lines[1]).toMatchObject({ id: null, error: expect.any(String) });
    expect(lines[2]).toMatchObject({ id: 'b', error: expect.any(String) });
    expect(lines[3]).toMatchObject({ id: 'c', kyrgyz: { flag: 'no' } });
  });
});
