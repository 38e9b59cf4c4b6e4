import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../dashboard/auth/passwords.ts';
import { createUser, writeAudit, type UserRoleName } from '../../db/queries/users.ts';
import { openMigratedDatabase } from '../database.ts';
import { fail, say } from '../log.ts';

export async function userAddCommand(username: string, options: { role: UserRoleName; district?: string }) {
  const given = process.env.KUZET_PASSWORD;
  if (given !== undefined && given.length < 12) fail('KUZET_PASSWORD must be at least 12 characters');
  const password = given ?? randomBytes(12).toString('base64url');
  const database = await openMigratedDatabase();
  const user = await createUser(database.db, {
    username,
    passwordHash: await hashPassword(password),
    role: options.role,
    district: options.district ?? null,
  });
  await writeAudit(database.db, { user: null, action: 'user.add', entityType: 'user', entityId: user.id, details: { role: user.role } });
  say(`kuzet: user ${username} (${options.role}) ready`);
  if (given === undefined) say(`kuzet: password: ${password}`);
  await database.close();
}
