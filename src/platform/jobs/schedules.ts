import { CronExpressionParser } from 'cron-parser';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { PlatformTables } from '../db/tables.ts';
import { withTransaction } from '../db/transaction.ts';
import { enqueueJob } from './queue.ts';

export interface Schedule {
  /** Stable name; the schedule is stored under it. */
  name: string;
  /** Five-field cron expression, e.g. `0 3 * * *` for 03:00 daily. */
  cron: string;
  /** IANA time zone the cron expression is read in. */
  timezone?: string;
  jobName: string;
  payload?: unknown;
}

export function nextRun(cron: string, timezone: string, after: Date): Date {
  return CronExpressionParser.parse(cron, { currentDate: after, tz: timezone }).next().toDate();
}

/**
 * Stores the schedules this version runs. A changed cron expression takes effect from now;
 * an unchanged one keeps its next run, so restarts neither skip nor repeat a run.
 */
export async function saveSchedules(
  db: Kysely<PlatformTables>,
  schedules: Schedule[],
  now: Date,
): Promise<void> {
  for (const schedule of schedules) {
    const timezone = schedule.timezone ?? 'UTC';
    const nextRunAt = nextRun(schedule.cron, timezone, now);
    await db
      .insertInto('jobSchedules')
      .values({
        name: schedule.name,
        cron: schedule.cron,
        timezone,
        jobName: schedule.jobName,
        payload: JSON.stringify(schedule.payload ?? null),
        nextRunAt,
        lastRunAt: null,
      })
      .onConflict((oc) =>
        oc.column('name').doUpdateSet((eb) => ({
          jobName: eb.ref('excluded.jobName'),
          payload: eb.ref('excluded.payload'),
          nextRunAt: eb
            .case()
            .when(
              eb.or([
                eb('jobSchedules.cron', '!=', eb.ref('excluded.cron')),
                eb('jobSchedules.timezone', '!=', eb.ref('excluded.timezone')),
              ]),
            )
            .then(eb.ref('excluded.nextRunAt'))
            .else(eb.ref('jobSchedules.nextRunAt'))
            .end(),
          cron: eb.ref('excluded.cron'),
          timezone: eb.ref('excluded.timezone'),
        })),
      )
      .execute();
  }
}

/**
 * Enqueues one job for each schedule that is due and moves it to its next time, in one
 * transaction per tick. Locked rows are skipped, so two workers never fire the same run; a
 * schedule that missed several runs while everything was down fires once, not once per miss.
 */
export async function fireDueSchedules(database: Database<PlatformTables>, now: Date): Promise<number> {
  return withTransaction(database, async (trx) => {
    const due = await trx
      .selectFrom('jobSchedules')
      .selectAll()
      .where('nextRunAt', '<=', now)
      .forUpdate()
      .skipLocked()
      .execute();
    for (const schedule of due) {
      await enqueueJob(trx, now, {
        name: schedule.jobName,
        payload: schedule.payload,
        dedupeKey: `schedule:${schedule.name}`,
      });
      await trx
        .updateTable('jobSchedules')
        .set({ lastRunAt: now, nextRunAt: nextRun(schedule.cron, schedule.timezone, now) })
        .where('name', '=', schedule.name)
        .execute();
    }
    return due.length;
  });
}
