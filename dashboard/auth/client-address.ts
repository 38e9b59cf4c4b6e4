// The address a login attempt is counted against. Behind a reverse proxy every request comes
// from the proxy: without this, all users would share one login budget and one attacker could
// lock everyone out. X-Forwarded-For is believed only from the proxies the operator names
// (KUZET_TRUSTED_PROXIES); from anyone else it is a header a client can forge.

/**
 * The client address: the socket's peer, or, when the peer is a trusted proxy, the right-most
 * X-Forwarded-For entry that is not itself a trusted proxy (entries to its left are the
 * client's own claims).
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | undefined, trustedProxies: readonly string[]): string {
  const direct = peer ?? 'unknown';
  if (!forwardedFor || !trustedProxies.includes(direct)) return direct;
  const hops = forwardedFor.split(',').map((hop) => hop.trim()).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i -= 1) if (!trustedProxies.includes(hops[i]!)) return hops[i]!;
  return direct;
}

/** KUZET_TRUSTED_PROXIES: comma-separated addresses of the reverse proxies in front of the dashboard. */
export function trustedProxiesFromEnv(value = process.env.KUZET_TRUSTED_PROXIES): string[] {
  return (value ?? '').split(',').map((address) => address.trim()).filter(Boolean);
}
