/**
 * The financial controller's figures: the dashboard (accrued, claimed, approved, paid, unclaimed, expired — in total
 * and by region, program kind and program) and the period-end accrual journal. Both read the same accruals, claim
 * lines and memos with the same definitions, so the dashboard's "paid" is the memos' total and the journal's release:
 *
 * - accrued: every accrual of the sales in the range (by sale date);
 * - claimed: what the claim lines on those sales that are not rejected pay; approved: the approved lines of claims
 *   approved or credited; paid: the approved lines of claims whose memo the ERP issued (so "paid" is the memos' total,
 *   lines accepted on a dispute without an accrual included);
 * - unclaimed: accruals still open; expired: accruals whose claim window closed unclaimed.
 */
import type Decimal from 'decimal.js'
import type { Pool } from 'pg'

import { D } from '../../engine/core/decimal'
import { minorUnits } from '../../engine/core/money'
import { accrualJournal, DEFAULT_JOURNAL_ACCOUNTS, type JournalLine, type ProgramMovement } from '../../engine/rebates'

export const FIGURES = ['accrued', 'claimed', 'approved', 'paid', 'unclaimed', 'expired'] as const
export type Figure = (typeof FIGURES)[number]
export type Figures = Record<Figure, string>

export type DashboardRow = Figures & { key: string; label: string }
export type Dashboard = {
  from: string
  to: string
  currency: string
  totals: Figures
  byRegion: DashboardRow[]
  byKind: DashboardRow[]
  byProgram: DashboardRow[]
  memos: { pending: number; issued: number; refused: number; issuedAmount: string }
}

const FIGURE_SQL = `
  coalesce(sum(f.accrued), 0)::text as accrued,
  coalesce(sum(f.claimed), 0)::text as claimed,
  coalesce(sum(f.approved), 0)::text as approved,
  coalesce(sum(f.paid), 0)::text as paid,
  coalesce(sum(f.unclaimed), 0)::text as unclaimed,
  coalesce(sum(f.expired), 0)::text as expired`

/**
 * One row per figure source: accruals give accrued, unclaimed and expired; claim lines give claimed, approved and
 * paid (a line the team accepted on a dispute pays without an accrual, and still counts). Both carry the program,
 * the partner and the point-of-sale line, so every grouping reads the same rows.
 */
const FIGURE_ROWS = `(
    select a.program_id, a.partner_id, a.pos_line_id, a.currency, a.amount as accrued,
           case when a.status = 'open' then a.amount else 0 end as unclaimed,
           case when a.status = 'expired' then a.amount else 0 end as expired,
           0 as claimed, 0 as approved, 0 as paid
      from rebate_accruals a
    union all
    select l.program_id, l.partner_id, l.pos_line_id, c.currency, 0, 0, 0,
           case when l.status <> 'rejected' then l.amount else 0 end,
           case when l.status = 'approved' and c.status in ('approved', 'credited') then l.amount else 0 end,
           case when l.status = 'approved' and m.status in ('issued', 'applied') then l.amount else 0 end
      from rebate_claim_lines l join rebate_claims c on c.id = l.claim_id left join credit_memos m on m.claim_id = c.id
     where l.pos_line_id is not null and l.program_id is not null
  ) f`

/** `scope`: a participant path the figures are limited to (a partner's subtree); null for staff. */
export async function rebateDashboard(
  pool: Pool,
  input: { from: string; to: string; currency: string; scope: string | null },
): Promise<Dashboard> {
  const params = [input.from, input.to, input.currency, input.scope === null ? null : `${input.scope}%`]
  const base = `from ${FIGURE_ROWS}
      join rebate_programs p on p.id = f.program_id
      join participants pa on pa.id = f.partner_id
      join pos_lines pl on pl.id = f.pos_line_id
      left join territories r on r.id = coalesce(pl.region_id, pa.territory_id)
     where pl.sold_on between $1::date and $2::date and f.currency = $3 and ($4::text is null or pa.path like $4)`
  const group = async (key: string, label: string) =>
    (await pool.query<DashboardRow>(`select ${key} as key, ${label} as label, ${FIGURE_SQL} ${base} group by 1, 2 order by 2`, params)).rows
  const [totals, byRegion, byKind, byProgram, memos] = await Promise.all([
    pool.query<Figures>(`select ${FIGURE_SQL} ${base}`, params),
    group(`coalesce(r.code, '—')`, `coalesce(r.name, 'No region')`),
    group('p.kind::text', 'p.kind::text'),
    group('p.code', 'p.name'),
    pool.query<{ pending: number; issued: number; refused: number; issuedAmount: string }>(
      `select count(*) filter (where m.status = 'pending')::int as pending, count(*) filter (where m.status in ('issued', 'applied'))::int as issued,
              count(*) filter (where m.status = 'refused')::int as refused,
              coalesce(sum(m.amount) filter (where m.status in ('issued', 'applied')), 0)::text as "issuedAmount"
         from credit_memos m join participants pa on pa.id = m.partner_id
        where m.currency = $1 and ($2::text is null or pa.path like $2)`,
      [input.currency, params[3]],
    ),
  ])
  const places = minorUnits(input.currency)
  const fix = (row: Figures): Figures => Object.fromEntries(FIGURES.map((f) => [f, new D(row[f] ?? 0).toFixed(places)])) as Figures
  return {
    from: input.from,
    to: input.to,
    currency: input.currency,
    totals: fix(totals.rows[0] ?? ({ accrued: '0' } as Figures)),
    byRegion: byRegion.map((row) => ({ ...row, ...fix(row) })),
    byKind: byKind.map((row) => ({ ...row, ...fix(row) })),
    byProgram: byProgram.map((row) => ({ ...row, ...fix(row) })),
    memos: { ...memos.rows[0]!, issuedAmount: new D(memos.rows[0]!.issuedAmount).toFixed(places) },
  }
}

export type Journal = {
  period: string
  from: string
  to: string
  currency: string
  opening: string
  closing: string
  movements: (Omit<ProgramMovement, 'accrued' | 'released' | 'credited' | 'expired'> &
    Record<'accrued' | 'released' | 'credited' | 'expired', string>)[]
  lines: { account: string; debit: string; credit: string; memo: string; program: string }[]
  totals: { debit: string; credit: string }
}

/** The first and last day of a month "YYYY-MM". */
export function monthRange(period: string): { from: string; to: string } | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period)
  if (!match) return null
  const last = new Date(Date.UTC(Number(match[1]), Number(match[2]), 0)).getUTCDate()
  return { from: `${period}-01`, to: `${period}-${String(last).padStart(2, '0')}` }
}

/**
 * The accrual journal of a month: per program, accrued (by sale date), released and credited by memos (by the day
 * the ERP issued them), expired (by the day they expired). Sales reported after their month's journal was posted
 * fall in that month's figures; repost by hand (see the README).
 */
export async function accrualJournalOf(pool: Pool, period: string, currency: string): Promise<Journal> {
  const range = monthRange(period)
  const places = minorUnits(currency)
  if (!range) throw new Error(`period: "${period}" is not a month (YYYY-MM)`)
  const movements = await pool.query<{ program: string; accrued: string; released: string; credited: string; expired: string }>(
    `select p.code as program,
            coalesce((select sum(a.amount) from rebate_accruals a where a.program_id = p.id and a.sold_on between $1 and $2), 0)::text as accrued,
            coalesce((select sum(a.amount) from rebate_accruals a where a.program_id = p.id and a.status = 'credited' and a.released_on between $1 and $2), 0)::text as released,
            coalesce((select sum(l.amount) from rebate_claim_lines l join credit_memos m on m.claim_id = l.claim_id
                       where l.program_id = p.id and l.status = 'approved' and m.status in ('issued', 'applied') and m.issued_at::date between $1 and $2), 0)::text as credited,
            coalesce((select sum(a.amount) from rebate_accruals a where a.program_id = p.id and a.status = 'expired' and a.released_on between $1 and $2), 0)::text as expired
       from rebate_programs p where p.currency = $3 order by p.code`,
    [range.from, range.to, currency],
  )
  const opening = await pool.query<{ balance: string }>(
    `select (coalesce((select sum(amount) from rebate_accruals where currency = $2 and sold_on < $1), 0)
           - coalesce((select sum(amount) from rebate_accruals where currency = $2 and status in ('credited', 'expired') and released_on < $1), 0))::text as balance`,
    [range.from, currency],
  )
  const moves: ProgramMovement[] = movements.rows
    .map((row) => ({
      program: row.program,
      accrued: new D(row.accrued),
      released: new D(row.released),
      credited: new D(row.credited),
      expired: new D(row.expired),
    }))
    .filter((m) => !(m.accrued.isZero() && m.released.isZero() && m.credited.isZero() && m.expired.isZero()))
  const lines = accrualJournal(moves, DEFAULT_JOURNAL_ACCOUNTS)
  const total = (pick: (line: JournalLine) => Decimal) => lines.reduce((sum, line) => sum.plus(pick(line)), new D(0))
  const open = new D(opening.rows[0]!.balance)
  const closing = moves.reduce((sum, m) => sum.plus(m.accrued).minus(m.released).minus(m.expired), open)
  return {
    period,
    ...range,
    currency,
    opening: open.toFixed(places),
    closing: closing.toFixed(places),
    movements: moves.map((m) => ({
      program: m.program,
      accrued: m.accrued.toFixed(places),
      released: m.released.toFixed(places),
      credited: m.credited.toFixed(places),
      expired: m.expired.toFixed(places),
    })),
    lines: lines.map((line) => ({ ...line, debit: line.debit.toFixed(places), credit: line.credit.toFixed(places) })),
    totals: { debit: total((line) => line.debit).toFixed(places), credit: total((line) => line.credit).toFixed(places) },
  }
}

/** The journal in the ERP's journal-entry format (NetSuite REST `journalEntry`). */
export function erpJournalBody(journal: Journal) {
  return {
    externalId: `ACCRUAL-${journal.currency}-${journal.period}`,
    tranDate: journal.to,
    memo: `Rebate accruals ${journal.period} (${journal.currency})`,
    currency: { refName: journal.currency },
    line: {
      items: journal.lines.map((line) => ({
        account: { refName: line.account },
        ...(new D(line.debit).isZero() ? {} : { debit: line.debit }),
        ...(new D(line.credit).isZero() ? {} : { credit: line.credit }),
        memo: line.memo,
      })),
    },
  }
}

/** Accruals whose claim window closed while open: expired (and released in the journal) on the day this runs. */
export async function expireAccruals(pool: Pool, today: string): Promise<number> {
  const result = await pool.query(
    `update rebate_accruals set status = 'expired', released_on = $1::date, updated_at = now() where status = 'open' and expires_on < $1::date`,
    [today],
  )
  return result.rowCount ?? 0
}
