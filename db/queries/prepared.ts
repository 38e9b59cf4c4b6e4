// Queries that run on every request, built once per database instead of on every call: drizzle
// builds a query's SQL from its parts each time it runs, which costs more than the query itself
// for a one-row lookup.
import type { Db } from '../client.ts';

const prepared = new WeakMap<Db, Map<string, unknown>>();

export function preparedFor<T>(db: Db, name: string, build: (db: Db) => T): T {
  let byName = prepared.get(db);
  if (!byName) prepared.set(db, (byName = new Map()));
  if (!byName.has(name)) byName.set(name, build(db));
  return byName.get(name) as T;
}
