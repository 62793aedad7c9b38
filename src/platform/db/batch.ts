import { type Kysely, sql } from 'kysely';

/** Rows for one table, with camelCase keys; columns no row names take their defaults. */
export interface RowBatch {
  /** The table's SQL name, snake_case. */
  table: string;
  rows: Record<string, unknown>[];
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const tableName = /^[a-z][a-z0-9_]*$/;

function toColumns(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row))
    out[snake(key)] = value instanceof Date ? value.toISOString() : value;
  return out;
}

/**
 * Inserts rows into several tables in one statement (one round trip): each table's rows travel as
 * JSON and take the table's own column types. For hot paths that write one record across tables,
 * such as an order with its lines, payment, timeline and events. JSON columns take plain values.
 */
export async function insertBatches<DB>(trx: Kysely<DB>, batches: RowBatch[]): Promise<void> {
  const parts = batches.filter((b) => b.rows.length > 0);
  if (parts.length === 0) return;
  const ctes = parts.map((b, i) => {
    if (!tableName.test(b.table)) throw new Error(`not a table name: ${b.table}`);
    const rows = b.rows.map(toColumns);
    // Only the columns the rows name are written, so the others take their defaults; every row of
    // a batch must name the same ones.
    const names = Object.keys(rows[0]!);
    for (const row of rows) {
      const keys = Object.keys(row);
      if (keys.length !== names.length || !names.every((n) => n in row))
        throw new Error(`rows for ${b.table} name different columns`);
    }
    const columns = sql.join(names.map((n) => sql.id(n)));
    const table = sql.raw(b.table);
    return sql`${sql.raw(`batch_${i}`)} as (insert into ${table} (${columns}) select ${columns} from jsonb_populate_recordset(null::${table}, ${JSON.stringify(rows)}::jsonb))`;
  });
  await sql`with ${sql.join(ctes)} select 1`.execute(trx);
}
