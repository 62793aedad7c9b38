import type { Kysely, Selectable } from 'kysely';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import type { Tables } from '../../platform/db/tables.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { type Page, type PageQuery, paginate } from '../../platform/http/pagination.ts';
import { NotFound, Problem, ValidationFailed } from '../../platform/http/problems.ts';
import { newId } from '../../platform/ids.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import type { Role } from './permissions.ts';
import type { StaffTable } from './tables.ts';
import { checkPasswordThrottled } from './throttle.ts';

export type StaffDatabase = Database<Tables>;
export type StaffMember = Omit<Selectable<StaffTable>, 'passwordHash'>;

export const staffColumns = [
  'id',
  'email',
  'name',
  'role',
  'active',
  'passwordChangedAt',
  'createdAt',
  'updatedAt',
] as const;

export interface NewStaff {
  email: string;
  name: string;
  role: Role;
  password: string;
}

async function findByEmail(db: Kysely<Tables>, email: string) {
  return db
    .selectFrom('staff')
    .select(['id', 'email'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
}

/** Creates a staff account; an email already in use (in any letter case) is a 409 naming the account. */
export async function createStaff(
  database: StaffDatabase,
  clock: Clock,
  actor: Actor,
  input: NewStaff,
): Promise<StaffMember> {
  const passwordHash = await hashPassword(input.password);
  return withTransaction(database, async (trx) => {
    const existing = await findByEmail(trx, input.email);
    if (existing) {
      throw new Problem('conflict', `A staff account with email ${existing.email} already exists.`, {
        errors: [{ pointer: '/email', detail: 'is already used by another staff account' }],
        extensions: { existingId: existing.id },
      });
    }
    const now = clock.now();
    const member = {
      id: newId('stf'),
      email: input.email.trim(),
      name: input.name.trim(),
      role: input.role,
      active: true,
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await trx
        .insertInto('staff')
        .values({ ...member, passwordHash })
        .execute();
    } catch (error) {
      // Two requests creating the same email at once: the unique index decides, the loser gets the same 409.
      if (isUniqueViolation(error, 'staff_email')) {
        throw new Problem('conflict', `A staff account with email ${member.email} already exists.`, {
          errors: [{ pointer: '/email', detail: 'is already used by another staff account' }],
        });
      }
      throw error;
    }
    await recordAudit(trx, actor, now, {
      action: 'staff.created',
      subjectType: 'staff',
      subjectId: member.id,
      after: { email: member.email, name: member.name, role: member.role },
    });
    return member;
  });
}

export async function listStaff(db: Kysely<Tables>, page: PageQuery): Promise<Page<StaffMember>> {
  return paginate(db.selectFrom('staff').select(staffColumns), {
    limit: page.limit,
    cursor: page.cursor,
    keys: ['id'],
    cursorOf: (row) => [row.id],
  });
}

export async function getStaff(db: Kysely<Tables>, id: string): Promise<StaffMember> {
  const row = await db.selectFrom('staff').select(staffColumns).where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('Staff member', id);
  return row;
}

export interface StaffChanges {
  name?: string | undefined;
  role?: Role | undefined;
  active?: boolean | undefined;
}

/** Changes name, role or access. The shop always keeps at least one active owner. */
export async function updateStaff(
  database: StaffDatabase,
  clock: Clock,
  actor: Actor,
  id: string,
  changes: StaffChanges,
): Promise<StaffMember> {
  return withTransaction(database, async (trx) => {
    // Lock the owners first, so two demotions at once cannot both pass the last-owner check.
    await trx.selectFrom('staff').select('id').where('role', '=', 'owner').forUpdate().execute();
    const before = await trx
      .selectFrom('staff')
      .select(staffColumns)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw new NotFound('Staff member', id);
    const losesOwner =
      before.role === 'owner' &&
      before.active &&
      ((changes.role !== undefined && changes.role !== 'owner') || changes.active === false);
    if (losesOwner) {
      const owners = await trx
        .selectFrom('staff')
        .select('id')
        .where('role', '=', 'owner')
        .where('active', '=', true)
        .execute();
      if (owners.length <= 1) {
        throw new Problem('conflict', 'This is the only active owner; make someone else owner first.', {
          errors: [
            {
              pointer: changes.active === false ? '/active' : '/role',
              detail: 'would leave the shop without an owner',
            },
          ],
        });
      }
    }
    const now = clock.now();
    const after = await trx
      .updateTable('staff')
      .set({
        ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
        ...(changes.role !== undefined ? { role: changes.role } : {}),
        ...(changes.active !== undefined ? { active: changes.active } : {}),
        updatedAt: now,
      })
      .where('id', '=', id)
      .returning(staffColumns)
      .executeTakeFirstOrThrow();
    if (changes.active === false) await trx.deleteFrom('staffSessions').where('staffId', '=', id).execute();
    const fields = ['name', 'role', 'active'] as const;
    const changed = fields.filter((f) => before[f] !== after[f]);
    if (changed.length > 0) {
      await recordAudit(trx, actor, now, {
        action: changed.includes('role')
          ? 'staff.role_changed'
          : changed.includes('active')
            ? 'staff.access_changed'
            : 'staff.updated',
        subjectType: 'staff',
        subjectId: id,
        before: Object.fromEntries(changed.map((f) => [f, before[f]])),
        after: Object.fromEntries(changed.map((f) => [f, after[f]])),
      });
    }
    return after;
  });
}

/** Changes one's own password after checking the current one; signs out every other session. */
export async function changePassword(
  database: StaffDatabase,
  clock: Clock,
  actor: Actor & { id: string },
  input: { currentPassword: string; newPassword: string; keepSessionId?: string | undefined; ip: string },
): Promise<void> {
  const row = await database.db
    .selectFrom('staff')
    .select(['passwordHash', 'email'])
    .where('id', '=', actor.id)
    .executeTakeFirst();
  if (!row) throw new NotFound('Staff member', actor.id);
  // The same limits as sign-in: a stolen session must not become a way to guess the password.
  const valid = await checkPasswordThrottled(database, clock, { email: row.email, ip: input.ip }, () =>
    verifyPassword(row.passwordHash, input.currentPassword),
  );
  if (!valid) {
    throw new ValidationFailed([{ pointer: '/currentPassword', detail: 'is not your current password' }]);
  }
  if (input.newPassword === input.currentPassword) {
    throw new ValidationFailed([
      { pointer: '/newPassword', detail: 'must differ from the current password' },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await withTransaction(database, async (trx) => {
    const now = clock.now();
    await trx
      .updateTable('staff')
      .set({ passwordHash, passwordChangedAt: now, updatedAt: now })
      .where('id', '=', actor.id)
      .execute();
    let others = trx.deleteFrom('staffSessions').where('staffId', '=', actor.id);
    if (input.keepSessionId) others = others.where('id', '!=', input.keepSessionId);
    await others.execute();
    await recordAudit(trx, actor, now, {
      action: 'staff.password_changed',
      subjectType: 'staff',
      subjectId: actor.id,
    });
  });
}
