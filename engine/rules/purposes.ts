/**
 * The purpose registry: every kind of decision a rule set can make, with the inputs the caller provides and the
 * outputs it expects. The editor offers these fields, a save checks a version against them, and a run provides exactly
 * these inputs. A later capability (ranks, bonuses, points, promotion eligibility, rebate tiers, GL allocation, payment
 * limits) adds a purpose here; it never adds a second rules system.
 */
import { ACTIVATION_TYPES } from '../telecom'
import type { RuleField, RulePurpose } from './types'

/** Commission: the amounts a verified telecom sale pays the dealer, one line per result (the "rule-based amount" component). */
const commissionAmount: RulePurpose = {
  key: 'commission_amount',
  label: 'Commission amount per verified sale',
  description:
    'Given one verified sale (carrier, plan, activation type, features, the dealer, the date, the period so far), return one or more lines, each with a label and an amount in the plan currency. A "collect" table returns one line per row that fires (a base rebate and a port-in bonus on top of it); a negative amount takes money back (a downgrade).',
  manyResults: true,
  inputs: [
    { field: 'carrier', type: 'text', label: 'Carrier', description: 'The carrier code, e.g. "ATT".' },
    { field: 'ratePlan', type: 'text', label: 'Rate plan', description: 'The rate plan code of the sale.' },
    {
      field: 'activationType',
      type: 'text',
      label: 'Activation type',
      description: 'What the sale was.',
      values: ACTIVATION_TYPES,
    },
    {
      field: 'previousRatePlan',
      type: 'text',
      label: 'Previous rate plan',
      description: 'Upgrades and downgrades: the plan code of the earlier sale of the same number (MDN); null when unknown.',
    },
    { field: 'features', type: 'list', label: 'Features', description: 'The feature codes sold with the line, e.g. ["INS", "HOTSPOT"].' },
    { field: 'featureCount', type: 'number', label: 'Feature count', description: 'How many features were sold with the line.' },
    { field: 'dealer', type: 'text', label: 'Dealer', description: 'The dealer code.' },
    {
      field: 'dealerTier',
      type: 'text',
      label: 'Dealer tier',
      description: 'The dealer tier (e.g. "gold"); null when the dealer has none.',
    },
    { field: 'dealerRegion', type: 'text', label: 'Dealer region', description: "The code of the dealer's territory; null when none." },
    {
      field: 'dealerTenureMonths',
      type: 'number',
      label: 'Dealer tenure (months)',
      description: 'Whole months from the day the dealer joined to the sale date; null when unknown.',
    },
    {
      field: 'saleDate',
      type: 'date',
      label: 'Sale date',
      description:
        'The sale date: a spiff for November sales reads [date("2026-11-01")..date("2026-11-30")]; after a day, >= date("2026-11-15"). Test cases give it as "2026-11-20".',
    },
    {
      field: 'periodActivations',
      type: 'number',
      label: 'Dealer activations this period',
      description: "The dealer's verified sales of every type in the period being run.",
    },
  ],
  outputs: [
    {
      field: 'label',
      type: 'text',
      label: 'Line label',
      description: 'What the statement calls the line, e.g. "Port-in bonus".',
      required: true,
    },
    {
      field: 'amount',
      type: 'money',
      label: 'Amount',
      description: 'The amount in the plan currency, e.g. 25 or -10.50; rounded to the cent when posted.',
      required: true,
    },
  ],
}

export const RULE_PURPOSES = { commission_amount: commissionAmount } as const satisfies Record<string, RulePurpose>

export type RulePurposeKey = keyof typeof RULE_PURPOSES

export const RULE_PURPOSE_KEYS = Object.keys(RULE_PURPOSES) as RulePurposeKey[]

/** The purpose registered under `key`, or null. */
export function rulePurpose(key: string): RulePurpose | null {
  return (RULE_PURPOSES as Record<string, RulePurpose>)[key] ?? null
}

/** A purpose's field by name (inputs, then outputs). */
export function purposeField(purpose: RulePurpose, field: string): RuleField | null {
  return purpose.inputs.find((f) => f.field === field) ?? purpose.outputs.find((f) => f.field === field) ?? null
}
