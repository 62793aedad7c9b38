import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { type SelectQueryBuilder, sql } from 'kysely';
import { ValidationFailed } from './problems.ts';

export const PageQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'How many items to return.' }),
  cursor: Type.Optional(
    Type.String({
      maxLength: 500,
      description: 'The `next` value of the previous page; omit for the first page.',
    }),
  ),
});
export type PageQuery = Static<typeof PageQuery>;

/** Every list replies `{ items, next }`; `next` is null on the last page. */
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    next: Type.Union([Type.String(), Type.Null()], {
      description: 'Pass as `cursor` to get the next page; null when there is none.',
    }),
  });
export interface Page<T> {
  items: T[];
  next: string | null;
}

type CursorValue = string | number;

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): CursorValue[] {
  const invalid = () =>
    new ValidationFailed([
      {
        pointer: '/cursor',
        in: 'query',
        detail: 'is not a cursor this list returned; start again without it',
      },
    ]);
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (
    !Array.isArray(values) ||
    values.length !== arity ||
    !values.every(
      (v) =>
        (typeof v === 'string' && !v.includes('\u0000')) || (typeof v === 'number' && Number.isFinite(v)),
    )
  ) {
    throw invalid();
  }
  return values as CursorValue[];
}

export interface PaginateOptions<Row> {
  limit: number;
  cursor?: string | undefined;
  /** Columns of a unique, stable sort key, most significant first (e.g. `['createdAt', 'id']`). */
  keys: readonly string[];
  direction?: 'asc' | 'desc';
  /** The sort-key values of a row, in the order of `keys`. */
  cursorOf: (row: Row) => CursorValue[];
}

/**
 * Keyset pagination: stable under inserts (no skipped or repeated rows, unlike offsets) and
 * as fast on page 1,000 as on page 1, given an index on the keys.
 */
export async function paginate<DB, TB extends keyof DB, Row>(
  query: SelectQueryBuilder<DB, TB, Row>,
  options: PaginateOptions<Row>,
): Promise<Page<Row>> {
  const direction = options.direction ?? 'asc';
  const refs = options.keys.map((key) => sql.ref(key));
  let q = query;
  if (options.cursor) {
    const values = decodeCursor(options.cursor, options.keys.length);
    const comparison = direction === 'asc' ? sql.raw('>') : sql.raw('<');
    q = q.where(
      sql<boolean>`(${sql.join(refs)}) ${comparison} (${sql.join(values.map((v) => sql.val(v)))})`,
    ) as typeof q;
  }
  for (const ref of refs) q = q.orderBy(sql`${ref} ${sql.raw(direction)}`) as typeof q;
  const rows = await q.limit(options.limit + 1).execute();
  const items = rows.slice(0, options.limit) as Row[];
  const last = items.at(-1);
  return { items, next: rows.length > options.limit && last ? encodeCursor(options.cursorOf(last)) : null };
}
