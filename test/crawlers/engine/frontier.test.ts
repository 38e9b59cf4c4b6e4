import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimRequests, enqueueRequests, frontierCounts, markDone, recoverAbandoned } from '../../../crawlers/engine/frontier.ts';
import { coolDownHost, reserveHostSlot } from '../../../crawlers/engine/politeness.ts';
import { createTestDatabase, drivers, type TestDatabase } from '../../helpers/databases.ts';

const urls = (n: number, host = 'a.example') => Array.from({ length: n }, (_, i) => ({ url: `http://${host}/case?id=${i}`, kind: 'card' }));

describe.each(drivers)('crawl frontier on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(async () => database?.destroy());

  it('keeps one request per unique key', async () => {
    expect(await enqueueRequests(database.db, 'test', urls(5), null)).toBe(5);
    expect(await enqueueRequests(database.db, 'test', urls(7), null)).toBe(2);
    expect((await frontierCounts(database.db, 'test')).queued).toBe(7);
  });

  it('never hands one request to two concurrent claimers', async () => {
    const claims = await Promise.all([
      claimRequests(database.db, 'w1', 'test', 4),
      claimRequests(database.db, 'w2', 'test', 4),
      claimRequests(database.db, 'w3', 'test', 4),
    ]);
    const ids = claims.flat().map((request) => request.id);
    expect(ids).toHaveLength(7);
    expect(new Set(ids).size).toBe(7);
    expect((await frontierCounts(database.db, 'test')).inProgress).toBe(7);
  });

  it('gives a crashed worker its requests back, and done requests stay done', async () => {
    const [first] = await claimRequests(database.db, 'w9', 'test', 1);
    expect(first).toBeUndefined(); // everything is claimed
    const held = await database.db.query.crawlRequests.findMany({ where: (r, { eq }) => eq(r.lockedBy, 'w1') });
    await markDone(database.db, held[0]!.id);
    const recovered = await recoverAbandoned(database.db, 'w1', 60_000);
    expect(recovered).toBe(held.length - 1);
    const counts = await frontierCounts(database.db, 'test');
    expect(counts.done).toBe(1);
    expect(counts.queued).toBe(held.length - 1);
  });

  it('skips hosts in cooldown', async () => {
    await enqueueRequests(database.db, 'cool', [...urls(2, 'slow.example'), ...urls(2, 'fine.example')], null);
    await coolDownHost(database.db, 'slow.example', new Date(Date.now() + 60_000), 'HTTP 429');
    const claimed = await claimRequests(database.db, 'w1', 'cool', 10);
    expect(claimed.map((request) => request.host).sort()).toEqual(['fine.example', 'fine.example']);
  });

  it('reserves host slots at least the interval apart, whoever asks', async () => {
    const slots = await Promise.all(Array.from({ length: 5 }, () => reserveHostSlot(database.db, 'slots.example', 500)));
    const times = slots.map((slot) => slot.getTime()).sort((a, b) => a - b);
    for (let i = 1; i < times.length; i += 1) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(499);
  });
});

describe.each(drivers)('claiming across hosts on %s', (driver) => {
  it('spreads a claim over hosts instead of taking one host\'s backlog', async () => {
    const database = await createTestDatabase(driver);
    await enqueueRequests(database.db, 'spread', [...urls(10, 'big.example'), ...urls(2, 'small.example'), ...urls(2, 'other.example')], null);
    const claimed = await claimRequests(database.db, 'w', 'spread', 6, { perHost: 1 });
    expect(claimed.map((r) => r.host).sort()).toEqual(['big.example', 'other.example', 'small.example']);
    const next = await claimRequests(database.db, 'w', 'spread', 6, { perHost: 1, busyHosts: ['big.example'] });
    expect(next.map((r) => r.host).sort()).toEqual(['other.example', 'small.example']);
    await database.destroy();
  });
});
