import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Tables } from '../../platform/db/tables.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { Problem } from '../../platform/http/problems.ts';

/** Failed password checks allowed within the window before a 429. */
export const loginLimits = { perAccountFromAddress: 5, perAccount: 50, perIp: 20, windowMs: 15 * 60 * 1000 };

type Limit = {
  where: (eb: ExpressionBuilder<Tables, 'loginFailures'>) => Expression<SqlBool>;
  limit: number;
  who: string;
};

async function assertNotThrottled(trx: Kysely<Tables>, now: Date, email: string, ip: string): Promise<void> {
  const since = new Date(now.getTime() - loginLimits.windowMs);
  // Strict for one account from one address; looser for an account from anywhere, so a stranger
  // cannot lock the owner out with five guesses; and a cap per address against spraying accounts.
  const limits: Limit[] = [
    {
      where: (eb) => eb.and([eb('email', '=', email), eb('ip', '=', ip)]),
      limit: loginLimits.perAccountFromAddress,
      who: 'for this account',
    },
    { where: (eb) => eb('email', '=', email), limit: loginLimits.perAccount, who: 'for this account' },
    { where: (eb) => eb('ip', '=', ip), limit: loginLimits.perIp, who: 'from your address' },
  ];
  for (const { where, limit, who } of limits) {
    const rows = await trx
      .selectFrom('loginFailures')
      .select('at')
      .where(where)
      .where('at', '>', since)
      .orderBy('at', 'desc')
      .limit(limit)
      .execute();
    if (rows.length < limit) continue;
    const retryAfter = Math.max(
      1,
      Math.ceil((rows.at(-1)!.at.getTime() + loginLimits.windowMs - now.getTime()) / 1000),
    );
    throw new Problem(
      'too-many-requests',
      `Too many failed sign-ins ${who}. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
      {
        headers: { 'retry-after': String(retryAfter) },
        extensions: { retryAfter },
      },
    );
  }
}

/**
 * Checks a password under the sign-in limits. Attempts for one account, and from one address, take
 * turns (advisory locks), so a burst of parallel guesses is counted like guesses one after another.
 * A failure is recorded even though the caller then fails.
 */
export async function checkPasswordThrottled(
  database: Database<Tables>,
  clock: Clock,
  input: { email: string; ip: string },
  check: () => Promise<boolean>,
): Promise<boolean> {
  const email = input.email.trim().toLowerCase();
  return withTransaction(database, async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`ordo.login:${email}`}))`.execute(trx);
    await sql`select pg_advisory_xact_lock(hashtext(${`ordo.login-ip:${input.ip}`}))`.execute(trx);
    await assertNotThrottled(trx, clock.now(), email, input.ip);
    const valid = await check();
    if (!valid)
      await trx.insertInto('loginFailures').values({ email, ip: input.ip, at: clock.now() }).execute();
    else
      await trx.deleteFrom('loginFailures').where('email', '=', email).where('ip', '=', input.ip).execute();
    return valid;
  });
}
