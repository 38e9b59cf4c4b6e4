import type { CrawlProgress } from '../../crawlers/engine/crawler.ts';

export function describeProgress(p: CrawlProgress): string {
  const errorKinds = Object.entries(p.stats)
    .filter(([kind]) => kind !== 'ok')
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
  return `pages ${p.done} done / ${p.queued} queued / ${p.inFlight} in flight · stored ${p.newDocuments} · errors ${p.errors}${errorKinds ? ` (${errorKinds})` : ''}`;
}
