// The login throttle behind a reverse proxy: each client keeps its own budget when the proxy is
// trusted; a forged X-Forwarded-For from anyone else changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddress, trustedProxiesFromEnv } from '../../dashboard/auth/client-address.ts';
import { createDashboard } from '../../dashboard/server.ts';
import type { DashboardConfig } from '../../dashboard/routes/route-rule.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';

describe('clientAddress', () => {
  it('believes X-Forwarded-For only from a trusted proxy, and only its right-most untrusted hop', () => {
    expect(clientAddress('10.0.0.1', '203.0.113.5', [])).toBe('10.0.0.1');
    expect(clientAddress('198.51.100.7', '203.0.113.5', ['10.0.0.1'])).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.1', '203.0.113.5', ['10.0.0.1'])).toBe('203.0.113.5');
    // The client wrote «1.2.3.4» itself; the proxy appended the address it saw.
    expect(clientAddress('10.0.0.1', '1.2.3.4, 203.0.113.5', ['10.0.0.1'])).toBe('203.0.113.5');
    expect(clientAddress('10.0.0.1', '203.0.113.5, 10.0.0.2', ['10.0.0.1', '10.0.0.2'])).toBe('203.0.113.5');
    expect(clientAddress('10.0.0.1', ' , ', ['10.0.0.1'])).toBe('10.0.0.1');
    expect(clientAddress(undefined, '203.0.113.5', ['10.0.0.1'])).toBe('unknown');
  });

  it('reads KUZET_TRUSTED_PROXIES as a comma-separated list', () => {
    expect(trustedProxiesFromEnv(' 10.0.0.1, ::1 ,,')).toEqual(['10.0.0.1', '::1']);
    expect(trustedProxiesFromEnv(undefined)).toEqual([]);
  });
});

describe('the login throttle behind a proxy (PGlite)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
  });
  afterAll(async () => database?.destroy());

  /** Login attempts through one app; the answer statuses. */
  async function attempts(config: DashboardConfig, forwardedFor: (i: number) => string, count: number): Promise<number[]> {
    const app = createDashboard(database.db, config);
    const statuses: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const response = await app.request(
        'http://localhost/login',
        {
          method: 'POST',
          body: new URLSearchParams({ username: `nobody${i}`, password: 'wrong' }),
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': forwardedFor(i) },
          redirect: 'manual',
        },
        { incoming: { socket: { remoteAddress: '10.0.0.1', remotePort: 40000, remoteFamily: 'IPv4' } } },
      );
      statuses.push(response.status);
    }
    return statuses;
  }

  it('trusted proxy: one client over the limit is refused, another client behind the same proxy is not', async () => {
    const config = { secureCookies: false, trustedProxies: ['10.0.0.1'] };
    const statuses = await attempts(config, (i) => (i < 11 ? '203.0.113.5' : '203.0.113.6'), 12);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
    expect(statuses[11]).toBe(401);
  });

  it('untrusted peer: a new X-Forwarded-For on every attempt does not escape the limit', async () => {
    const statuses = await attempts({ secureCookies: false }, (i) => `203.0.113.${i + 1}`, 11);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
  });
});
