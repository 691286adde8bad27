/**
 * Times every SQL statement the real path sends, without touching its code: the `query` method of the pool's
 * client class is wrapped while a recording runs. The recording gives the per-step breakdown of a run, and can be
 * replayed under EXPLAIN ANALYZE (in a transaction that is rolled back) to see where each statement spends time.
 */
import type pg from 'pg'

export type Statement = { sql: string; values: unknown[] | undefined; ms: number; client: object; rows: number | null }

type QueryFn = (...args: unknown[]) => unknown

let recording: Statement[] | null = null
const patched = new WeakSet<object>()

/** Wraps the query method of the class of the pool's clients (once). */
export async function instrument(pool: pg.Pool): Promise<void> {
  const client = await pool.connect()
  const proto = Object.getPrototypeOf(client) as { query: QueryFn }
  client.release()
  if (patched.has(proto)) return
  patched.add(proto)
  const original = proto.query
  proto.query = function (this: object, ...args: unknown[]): unknown {
    const log = recording
    if (!log) return original.apply(this, args)
    const [first, second] = args
    const text = typeof first === 'string' ? first : ((first as { text?: string } | null)?.text ?? '')
    const values = Array.isArray(second) ? second : ((first as { values?: unknown[] } | null)?.values ?? undefined)
    const start = performance.now()
    const record = (result: unknown) => {
      const rows = (result as { rowCount?: number | null } | undefined)?.rowCount ?? null
      log.push({ sql: text, values, ms: performance.now() - start, client: this, rows })
    }
    const callbackAt = args.findIndex((arg) => typeof arg === 'function')
    if (callbackAt >= 0) {
      const callback = args[callbackAt] as (err: unknown, result: unknown) => void
      args[callbackAt] = (err: unknown, result: unknown) => {
        record(result)
        callback(err, result)
      }
      return original.apply(this, args)
    }
    const returned = original.apply(this, args)
    if (returned && typeof (returned as Promise<unknown>).then === 'function') {
      ;(returned as Promise<unknown>).then(record, () => record(undefined))
    }
    return returned
  }
}

/** Records the statements `work` sends (through any client of an instrumented pool). */
export async function record<T>(work: () => Promise<T>): Promise<{ value: T; statements: Statement[] }> {
  const statements: Statement[] = []
  recording = statements
  try {
    return { value: await work(), statements }
  } finally {
    recording = null
  }
}

/** A short name for a statement: its first words, table names kept, whitespace collapsed. */
export function label(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ').trim()
  const named =
    /^(create temp table \w+|create index on \w+|insert into \w+|update \w+|delete from \w+|analyze \w+|select pg_advisory_xact_lock|select \w+)/i.exec(
      flat,
    )?.[1] ?? flat.slice(0, 50)
  return named.toLowerCase()
}

/** The statements sent inside the transaction (between begin and commit on the client that began it). */
export function transactionStatements(statements: readonly Statement[]): Statement[] {
  const begin = statements.findIndex((s) => /^\s*begin\s*$/i.test(s.sql))
  if (begin < 0) return []
  const client = statements[begin]!.client
  const inside: Statement[] = []
  for (const statement of statements.slice(begin + 1)) {
    if (statement.client !== client) continue
    if (/^\s*(commit|rollback)\s*$/i.test(statement.sql)) break
    inside.push(statement)
  }
  return inside
}

/** Lines "  1234.5 ms  label (rows)" for each statement of the recording, in order. */
export function breakdown(statements: readonly Statement[]): string[] {
  return statements.map((s) => `${s.ms.toFixed(1).padStart(9)} ms  ${label(s.sql)}${s.rows === null ? '' : ` (${s.rows} rows)`}`)
}

const EXPLAINABLE = /^\s*(create temp table \w+( on commit drop)? as|insert|update|delete|select|with)\b/i

/**
 * Replays the transaction's statements on `client` in a transaction that is rolled back, each explainable one
 * under EXPLAIN (ANALYZE, BUFFERS); returns the plans. The others (analyze, create index...) are executed as they were.
 */
export async function explainReplay(client: pg.PoolClient, statements: readonly Statement[]): Promise<{ label: string; plan: string }[]> {
  const plans: { label: string; plan: string }[] = []
  await client.query('begin')
  try {
    for (const statement of statements) {
      const sql = statement.sql
      if (/^\s*select pg_advisory_xact_lock/i.test(sql)) continue
      if (EXPLAINABLE.test(sql)) {
        const result = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers, timing) ${sql}`, statement.values)
        plans.push({ label: label(sql), plan: result.rows.map((row) => row['QUERY PLAN']).join('\n') })
      } else {
        await client.query(sql, statement.values)
      }
    }
  } finally {
    await client.query('rollback')
  }
  return plans
}
