import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { PoolClient } from 'pg'

import { LINE_COMPONENT_LABELS, type LineComponent } from '../../../engine/commission/components/types'
import { statementAmount, type StatementBrand, type StatementInput } from '../../../engine/commission/statement'
import { brandIdOfParticipant } from '../../portal'
import { uploadDir } from '../../core/uploadDir'
import { printableLogo } from './printableLogo'

/** The brand of a statement whose payee has no client owner with a brand. */
export const PLAIN_BRAND: StatementBrand = {
  name: 'Accrue',
  primaryColor: '#1f3a5f',
  secondaryColor: '#e8eef5',
  textColor: '#111827',
  logo: null,
}

/** Printable logos by media file (an upload's name is unique), so a run's statements convert each logo once. */
const logos = new Map<string, Promise<Buffer | null>>()

function logoOf(filename: string, mime: string): Promise<Buffer | null> {
  const file = path.join(uploadDir('media', process.env.MEDIA_DIR), path.basename(filename))
  let logo = logos.get(file)
  if (!logo) {
    logo = readFile(file).then(
      (bytes) => printableLogo(bytes, mime),
      () => null,
    )
    if (logos.size >= 100) logos.clear()
    logos.set(file, logo)
  }
  return logo
}

/** The brand a payee's statement is printed in (nearest client owner's brand, else the default), with its logo bytes. */
async function brandOf(client: PoolClient, participantId: number): Promise<StatementBrand> {
  const brandId = await brandIdOfParticipant(client, participantId)
  if (brandId === null) return PLAIN_BRAND
  const brand = (
    await client.query<{
      name: string
      primary: string
      secondary: string | null
      text: string | null
      filename: string | null
      mime: string | null
    }>(
      `select b.name, b.primary_color as primary, b.secondary_color as secondary, b.text_color as text, m.filename, m.mime_type as mime
       from brands b left join media m on m.id = b.logo_id where b.id = $1`,
      [brandId],
    )
  ).rows[0]
  if (!brand) return PLAIN_BRAND
  const logo = brand.filename ? await logoOf(brand.filename, brand.mime ?? '') : null
  return {
    name: brand.name,
    primaryColor: brand.primary,
    secondaryColor: brand.secondary ?? PLAIN_BRAND.secondaryColor,
    textColor: brand.text ?? PLAIN_BRAND.textColor,
    logo,
  }
}

/** Everything one payee's statement of a run shows: every line of the run for the payee, with its source and rule. */
export async function statementData(
  client: PoolClient,
  runId: number,
  participantId: number,
  generatedAt: string,
): Promise<StatementInput> {
  return { ...(await statementContent(client, runId, participantId)), generatedAt, brand: await brandOf(client, participantId) }
}

/** A statement's participant, period, currency, run and lines (what the portal's statement page shows; no brand). */
export type StatementContent = Omit<StatementInput, 'brand' | 'generatedAt'>

/** The participant, period, run and every line of the run for the payee, with its source and rule. */
export async function statementContent(client: Pick<PoolClient, 'query'>, runId: number, participantId: number): Promise<StatementContent> {
  const head = (
    await client.query<{
      name: string
      code: string | null
      label: string
      starts_on: string
      ends_on: string
      currency: string
      title: string
      version: string | null
    }>(
      `select pt.name, pt.code, pe.label, pe.starts_on::text as starts_on, pe.ends_on::text as ends_on, pl.currency, r.title, v.title as version
       from commission_runs r join commission_periods pe on pe.id = r.period_id join compensation_plans pl on pl.id = r.plan_id
       left join plan_versions v on v.id = r.plan_version_id, participants pt
      where r.id = $1 and pt.id = $2`,
      [runId, participantId],
    )
  ).rows[0]
  if (!head) throw new Error(`run ${runId} or participant ${participantId} does not exist`)
  const lines = await client.query<{
    id: number
    component: LineComponent
    amount: string
    held: boolean
    description: string
    source: string | null
  }>(
    `select l.id, l.component::text as component, l.amount::text as amount, l.held,
            coalesce(l.description, 'Sale ' || s.sale_date || ' · MDN ' || coalesce(s.mdn, '—') || ' · ' || rp.code || ' · ' || replace(s.activation_type::text, '_', ' '), '') as description,
            case when l.sale_id is not null then 'dealer-sales #' || l.sale_id
                 when l.from_participant_id is not null then 'participants #' || l.from_participant_id
                 when l.note_id is not null then 'commission-notes #' || l.note_id end as source
       from commission_lines l left join dealer_sales s on s.id = l.sale_id left join rate_plans rp on rp.id = s.rate_plan_id
      where l.run_id = $1 and l.payee_id = $2 order by l.component::text, l.description, l.id`,
    [runId, participantId],
  )
  return {
    participant: { id: participantId, name: head.name, code: head.code },
    period: { label: head.label, startsOn: head.starts_on, endsOn: head.ends_on },
    currency: head.currency,
    runLabel: head.title,
    lines: lines.rows.map((line) => ({
      id: line.id,
      component: line.component,
      componentLabel: LINE_COMPONENT_LABELS[line.component] ?? line.component,
      amount: statementAmount(line.amount, head.currency, line.id),
      held: line.held,
      description: line.description,
      sourceRef: line.source,
      ruleRef: `${head.version ?? 'plan'} · ${line.component.replace(/_/g, ' ')}`,
    })),
  }
}
