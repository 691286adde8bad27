import type { PayloadRequest } from 'payload'

import { LINE_COMPONENT_LABELS, type LineComponent } from '../../engine/commission/components/types'
import { firedRowText, ruleVersionName } from '../../engine/commission/components/ruleAmount'
import { pgClientOf } from '../../db/transaction'
import { D } from '../../engine/core/decimal'
import type { FiredRow } from '../../engine/rules'
import type { FiredLines } from './evaluations'

type ExplainRow = {
  id: number
  component: string
  amount: string
  currency: string
  held: boolean
  description: string | null
  payee_id: number
  payee_name: string
  payee_code: string | null
  period_id: number
  period_label: string
  version_id: number | null
  version_title: string | null
  eval_id: number | null
  inputs: unknown
  detail: Record<string, string> | null
  exact: string | null
  posted: string | null
  sale_id: number | null
  sale_date: string | null
  mdn: string | null
  activation_type: string | null
  plan_code: string | null
  record_id: number | null
  activation_date: string | null
  deactivation_date: string | null
  from_id: number | null
  from_name: string | null
  note_id: number | null
  note_reason: string | null
  rule_version_id: number | null
  rule_version_title: string | null
  rule_version_number: number | null
  rule_set_name: string | null
  fired: FiredLines | null
}

/** A fired row as "why this amount" gives it: the table, the row number (as the editor numbers rows) and what it says. */
export type FiredRowExplanation = { table: string; row: number; conditions: string; outputs: string; description: string | null }

export type LineExplanation = {
  line: { id: number; component: string; amount: string; currency: string; held: boolean; description: string | null }
  payee: { id: number; name: string; code: string | null }
  period: { id: number; label: string }
  rule: {
    planVersion: number | null
    planVersionTitle: string | null
    component: string
    evaluation: number | null
    inputs: unknown
    detail: unknown
    exact: string | null
    posted: string | null
    /** Rule-based amounts: the approved rule version that priced the line, else null. */
    ruleVersion: { id: number; title: string | null; version: number; ruleSet: string } | null
    /** Rule-based amounts: the table rows that produced this line (empty for other kinds). */
    fired: FiredRowExplanation[]
    /** The line's label: the rule's result label for a rule-based amount, else the line's description. */
    label: string | null
  }
  sources: { collection: string; id: number; summary: string }[]
  sentence: string
}

/**
 * "Why this amount": the line, the plan version and the inputs its rule saw (with the rule's own detail), and the
 * source rows (the verified sale and the carrier record, the participant below for an override, the note).
 */
export async function explainCommissionLine(req: PayloadRequest, lineId: number): Promise<LineExplanation> {
  const client = await pgClientOf(req)
  const row = (
    await client.query(
      `select l.id, l.component::text as component, l.amount::text as amount, l.currency, l.held, l.description,
            pt.id as payee_id, pt.name as payee_name, pt.code as payee_code, pe.id as period_id, pe.label as period_label,
            v.id as version_id, v.title as version_title, e.id as eval_id, e.inputs, e.detail, e.exact, e.posted,
            s.id as sale_id, s.sale_date::text as sale_date, s.mdn, s.activation_type::text as activation_type, rp.code as plan_code,
            cr.id as record_id, cr.activation_date::text as activation_date, cr.deactivation_date::text as deactivation_date,
            fp.id as from_id, fp.name as from_name, n.id as note_id, n.reason as note_reason,
            rv.id as rule_version_id, rv.title as rule_version_title, rv.version::int as rule_version_number, rs.name as rule_set_name, e.fired
       from commission_lines l
       join participants pt on pt.id = l.payee_id
       join commission_periods pe on pe.id = l.period_id
       left join plan_versions v on v.id = l.plan_version_id
       left join commission_evaluations e on e.id = l.evaluation_id
       left join dealer_sales s on s.id = l.sale_id
       left join rate_plans rp on rp.id = s.rate_plan_id
       left join carrier_records cr on cr.id = l.carrier_record_id
       left join participants fp on fp.id = l.from_participant_id
       left join commission_notes n on n.id = l.note_id
       left join rule_versions rv on rv.id = e.rule_version_id
       left join rule_sets rs on rs.id = rv.rule_set_id
      where l.id = $1`,
      [lineId],
    )
  ).rows[0] as ExplainRow
  const sources: LineExplanation['sources'] = []
  if (row.sale_id)
    sources.push({
      collection: 'dealer-sales',
      id: row.sale_id,
      summary: `sale of ${row.sale_date}: MDN ${row.mdn ?? '—'}, plan ${row.plan_code}, ${row.activation_type}`,
    })
  if (row.record_id)
    sources.push({
      collection: 'carrier-records',
      id: row.record_id,
      summary: `carrier record: activated ${row.activation_date}${row.deactivation_date ? `, deactivated ${row.deactivation_date}` : ', active'}`,
    })
  if (row.from_id) sources.push({ collection: 'participants', id: row.from_id, summary: `own commission of ${row.from_name}` })
  if (row.note_id) sources.push({ collection: 'commission-notes', id: row.note_id, summary: `note: ${row.note_reason}` })
  const label = LINE_COMPONENT_LABELS[row.component as LineComponent] ?? row.component
  const fired = firedRowsOf(row)
  const ruleVersion =
    row.rule_version_id !== null && row.rule_version_number !== null
      ? { id: row.rule_version_id, title: row.rule_version_title, version: row.rule_version_number, ruleSet: row.rule_set_name ?? '' }
      : null
  const ruleText = ruleVersion
    ? `; ${ruleVersionName(ruleVersion)}, ${fired.rows.length ? fired.rows.map((f) => firedRowText(f, fired.result)).join(', ') : 'no table row recorded'}`
    : ''
  const detail = row.detail
    ? Object.entries(row.detail)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')
    : ''
  return {
    line: {
      id: row.id,
      component: row.component,
      amount: row.amount,
      currency: row.currency,
      held: row.held,
      description: row.description,
    },
    payee: { id: row.payee_id, name: row.payee_name, code: row.payee_code },
    period: { id: row.period_id, label: row.period_label },
    rule: {
      planVersion: row.version_id,
      planVersionTitle: row.version_title,
      component: row.component,
      evaluation: row.eval_id,
      inputs: row.inputs,
      detail: row.detail,
      exact: row.exact,
      posted: row.posted,
      ruleVersion,
      fired: fired.rows.map((f) => ({
        table: f.node,
        row: f.row,
        conditions: f.conditions,
        outputs: f.outputs,
        description: f.description ?? null,
      })),
      label: row.description,
    },
    sources,
    sentence:
      `${label}${ruleVersion && row.description ? ` "${row.description}"` : ''} of ${row.amount} ${row.currency} to ${row.payee_name} for ${row.period_label}` +
      (row.version_title ? `, by ${row.version_title}` : '') +
      (ruleVersion ? ruleText : detail ? ` (${detail})` : '') +
      (row.exact && row.posted && !new D(row.exact).eq(row.posted) ? `; exact ${row.exact}, posted ${row.posted} after rounding` : '') +
      '.',
  }
}

/**
 * The rows behind this line: the evaluation records each of its lines (label, exact amount, rows) in order; the line
 * is the one with its label whose exact amount rounds to the line's amount (the first with its label otherwise).
 */
function firedRowsOf(row: ExplainRow): { rows: FiredRow[]; result?: { label: string; amount: string } } {
  const labelled = (row.fired ?? []).filter((line) => line.label === (row.description ?? ''))
  const line = labelled.find((candidate) => new D(candidate.amount).minus(row.amount).abs().lt('0.01')) ?? labelled[0]
  return line ? { rows: line.rows, result: { label: line.label, amount: line.amount } } : { rows: [] }
}
