import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { Problem } from '../../platform/http/problems.ts';
import { newId } from '../../platform/ids.ts';
import { type StaffDatabase, type StaffMember, staffColumns } from './accounts.ts';
import { verifyNothing, verifyPassword } from './passwords.ts';
import { checkPasswordThrottled, loginLimits } from './throttle.ts';

/** A session ends after 12 idle hours, and after 7 days however active. */
export const sessionIdleMs = 12 * 60 * 60 * 1000;
export const sessionMaxMs = 7 * 24 * 60 * 60 * 1000;
// Writing last-seen on every request would turn reads into writes; once a few minutes is enough.
const touchEveryMs = 5 * 60 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface Session {
  id: string;
  staff: StaffMember;
  csrfToken: string;
  expiresAt: Date;
}

/** Checks email and password, then opens a session. The token is returned once; only its hash is stored. */
export async function signIn(
  database: StaffDatabase,
  clock: Clock,
  input: { email: string; password: string; ip: string; userAgent?: string | undefined },
): Promise<Session & { token: string }> {
  const email = input.email.trim().toLowerCase();
  const staff = await database.db
    .selectFrom('staff')
    .select([...staffColumns, 'passwordHash'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
    .executeTakeFirst();
  const valid = await checkPasswordThrottled(database, clock, { email, ip: input.ip }, () =>
    staff?.active ? verifyPassword(staff.passwordHash, input.password) : verifyNothing(input.password),
  );
  const now = clock.now();
  if (!staff || !valid) {
    throw new Problem(
      'invalid-credentials',
      'The email or password is wrong, or the account is switched off.',
    );
  }
  const token = randomBytes(32).toString('base64url');
  const session = {
    id: newId('ses'),
    tokenHash: hashToken(token),
    staffId: staff.id,
    csrfToken: randomBytes(24).toString('base64url'),
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 500) ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + sessionIdleMs),
  };
  await withTransaction(database, async (trx) => {
    await trx.insertInto('staffSessions').values(session).execute();
  });
  const { passwordHash: _hash, ...member } = staff;
  return { id: session.id, token, staff: member, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
}

/** The live session for a token, its idle expiry pushed forward; null when unknown, expired or the account is off. */
export async function resumeSession(
  database: StaffDatabase,
  clock: Clock,
  token: string,
): Promise<Session | null> {
  const now = clock.now();
  const row = await database.db
    .selectFrom('staffSessions')
    .innerJoin('staff', 'staff.id', 'staffSessions.staffId')
    .select([
      'staffSessions.id as sessionId',
      'staffSessions.csrfToken',
      'staffSessions.createdAt as sessionCreatedAt',
      'staffSessions.lastSeenAt',
      'staffSessions.expiresAt',
      ...staffColumns.map((c) => `staff.${c}` as const),
    ])
    .where('staffSessions.tokenHash', '=', hashToken(token))
    .executeTakeFirst();
  if (
    !row?.active ||
    row.expiresAt <= now ||
    now.getTime() - row.sessionCreatedAt.getTime() >= sessionMaxMs
  ) {
    return null;
  }
  let expiresAt = row.expiresAt;
  if (now.getTime() - row.lastSeenAt.getTime() >= touchEveryMs) {
    expiresAt = new Date(
      Math.min(now.getTime() + sessionIdleMs, row.sessionCreatedAt.getTime() + sessionMaxMs),
    );
    await database.db
      .updateTable('staffSessions')
      .set({ lastSeenAt: now, expiresAt })
      .where('id', '=', row.sessionId)
      .execute();
  }
  const { sessionId, csrfToken, sessionCreatedAt: _c, lastSeenAt: _l, expiresAt: _e, ...staff } = row;
  return { id: sessionId, staff, csrfToken, expiresAt };
}

export async function signOut(database: StaffDatabase, sessionId: string): Promise<void> {
  await database.db.deleteFrom('staffSessions').where('id', '=', sessionId).execute();
}

/** Removes expired sessions and old failed sign-ins; run by the nightly housekeeping. */
export async function purgeSessions(database: StaffDatabase, now: Date): Promise<void> {
  await database.db.deleteFrom('staffSessions').where('expiresAt', '<=', now).execute();
  await database.db
    .deleteFrom('loginFailures')
    .where('at', '<=', new Date(now.getTime() - loginLimits.windowMs))
    .execute();
}
