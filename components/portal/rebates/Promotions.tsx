'use client'

import React from 'react'

import type { RebateProgram } from '../../../payload-types'
import { day, LoadState, money, plain, useApi, type Page } from './shared'

const KIND_WORDS: Record<RebateProgram['kind'], string> = {
  per_unit: 'Per-unit rebate',
  percent_of_price: 'Percent of the sale price',
  price_exception: 'Price exception (agreed price)',
  ship_and_debit: 'Ship and debit (agreed price)',
  volume: 'Volume tiers',
  growth: 'Growth over a baseline',
  deal_registration: 'Deal registration',
  rule: 'Special rule',
}

function tierText(program: RebateProgram): string[] {
  const unitBasis = program.tierBasis === 'quantity'
  const perUnit = program.tierRate === 'per_unit'
  return (program.tiers ?? []).map((tier) => {
    const from = unitBasis ? `${plain(tier.from)} units` : money(tier.from, program.currency)
    const rate = perUnit ? `${money(tier.rate, program.currency)} per unit` : `${plain(tier.rate)}%`
    return `from ${from}: ${rate}`
  })
}

/** What the program pays, in words. */
export function paysText(program: RebateProgram): string {
  switch (program.kind) {
    case 'per_unit':
      return `${money(program.ratePerUnit, program.currency)} per unit sold`
    case 'percent_of_price':
      return `${plain(program.percent)}% of the sale price`
    case 'price_exception':
    case 'ship_and_debit':
      return `the difference down to an agreed price of ${money(program.agreedPrice, program.currency)} per unit`
    case 'deal_registration':
      return `${plain(program.percent)}% extra on sales under a registered deal`
    case 'volume':
    case 'growth': {
      const tiers = tierText(program)
      const mode = program.tierMode === 'slice' ? 'each slice at its own rate' : 'the whole volume at the tier reached'
      const base =
        program.kind === 'growth' && program.baselineFrom ? ` (growth over ${day(program.baselineFrom)} – ${day(program.baselineTo)})` : ''
      return tiers.length > 0 ? `${tiers.join('; ')} — ${mode}${base}` : `tiers${base}`
    }
    default:
      return 'as its rule decides per sale'
  }
}

/** The published programs the partner may earn under (GET /api/rebate-programs, published only). */
export function Promotions({ version }: { version: number }): React.ReactElement {
  const { data, error, loading } = useApi<Page<RebateProgram>>(
    '/api/rebate-programs?where[status][equals]=published&sort=effectiveFrom&depth=0&limit=100',
    version,
  )
  return (
    <section id="promotions" className="portal-section">
      <h2>Available promotions</h2>
      {data && data.docs.length === 0 ? <p className="empty">No promotions are running.</p> : null}
      {data && data.docs.length > 0 ? (
        <ul className="rebates-cards" data-testid="rebates-programs">
          {data.docs.map((program) => (
            <li key={program.id} className="rebates-card" data-testid={`program-${program.code}`} data-kind={program.kind}>
              <div className="rebates-card-head">
                <strong>{program.name}</strong>
                <code>{program.code}</code>
              </div>
              <dl className="rebates-facts">
                <dt>Kind</dt>
                <dd>{KIND_WORDS[program.kind] ?? program.kind}</dd>
                <dt>Runs</dt>
                <dd>
                  {day(program.effectiveFrom)} – {day(program.effectiveTo)}
                </dd>
                <dt>Pays</dt>
                <dd data-testid={`pays-${program.code}`}>{paysText(program)}</dd>
                <dt>Claim within</dt>
                <dd>{program.claimWindowDays} days of the sale</dd>
              </dl>
            </li>
          ))}
        </ul>
      ) : null}
      <LoadState loading={loading && !data} error={error} testId="programs-error" />
    </section>
  )
}
