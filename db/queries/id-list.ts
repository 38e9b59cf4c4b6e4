// `column = any($1::int[])` with the ids as one array parameter: one statement text whatever the
// number of ids (a list of parameters makes a new statement for every length), on both drivers.
import { sql, type Column, type SQL } from 'drizzle-orm';

export function isOneOf(column: Column, ids: readonly number[]): SQL {
  if (!ids.every(Number.isSafeInteger)) throw new Error('isOneOf: ids must be integers');
  return sql`${column} = any(${`{${ids.join(',')}}`}::int[])`;
}
