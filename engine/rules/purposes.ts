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

/** The KPIs a network rule reads: one object, `kpi.GV`, `kpi.PV`, keyed by the codes of the enabled KPI definitions. */
const kpiInput: RuleField = {
  field: 'kpi',
  type: 'object',
  label: 'KPIs',
  keys: 'the codes of the enabled KPI definitions',
  description:
    'The member’s KPIs for the cycle by code, e.g. kpi.PV >= 100 or kpi.GV >= 2500 (volumes as numbers, counts as whole numbers). A rule that reads a KPI that is switched off is refused.',
}

/** Network plans: the rank a member qualifies for in a cycle, from its KPIs (the career plan adds grace and promotions). */
const rankQualification: RulePurpose = {
  key: 'rank_qualification',
  label: 'Rank qualification (career plan)',
  description:
    'Given a member’s KPIs for the cycle and its paid rank so far, return the code of the rank it qualifies for, e.g. a "first" table whose rows go from the highest rank down: kpi.PV >= 100 and kpi.GV >= 5000 → "GOLD". A member no row applies to (or whose row leaves the rank empty) qualifies for no rank.',
  manyResults: false,
  inputs: [
    kpiInput,
    { field: 'rank', type: 'text', label: 'Paid rank so far', description: 'The rank code paid last cycle; null for a new member.' },
    {
      field: 'tenureMonths',
      type: 'number',
      label: 'Tenure (months)',
      description: 'Whole months since the member joined, to the cycle’s last day.',
    },
  ],
  outputs: [
    {
      field: 'rankCode',
      type: 'text',
      label: 'Rank code',
      description: 'The code of a rank of the career plan. No rank: leave it empty, or let no row apply.',
    },
  ],
}

/** Network plans: bonuses a rule grants for a cycle, in money, points, prizes or badges. */
const networkBonus: RulePurpose = {
  key: 'network_bonus',
  label: 'Network bonus (money, points, prizes, badges)',
  description:
    'Given a member’s KPIs and paid rank for the cycle, return the bonuses it earns, one per row that fires (a "collect" table). A money bonus is an amount, or a percent of a KPI (percent 4 of baseKpi "L1VC": 4 % of the sales of its first level), in a currency; points are a number; a prize or a badge (an "Elite Club") is a name.',
  manyResults: true,
  inputs: [
    kpiInput,
    { field: 'rank', type: 'text', label: 'Paid rank', description: 'The rank code paid this cycle; null when none.' },
    {
      field: 'tenureMonths',
      type: 'number',
      label: 'Tenure (months)',
      description: 'Whole months since the member joined, to the cycle’s last day.',
    },
  ],
  outputs: [
    { field: 'label', type: 'text', label: 'Label', description: 'What the statement calls it, e.g. "Leadership bonus".', required: true },
    {
      field: 'kind',
      type: 'text',
      label: 'Kind',
      description: 'money, points, prize or badge.',
      required: true,
      values: ['money', 'points', 'prize', 'badge'],
    },
    { field: 'amount', type: 'money', label: 'Amount', description: 'Money: a fixed amount (added to the percent part, if any).' },
    { field: 'percent', type: 'number', label: 'Percent', description: 'Money or points: a percent of the KPI named by baseKpi.' },
    { field: 'baseKpi', type: 'text', label: 'Base KPI', description: 'The KPI code the percent is of, e.g. "L1VC".' },
    {
      field: 'currency',
      type: 'text',
      label: 'Currency',
      description: 'Money: the ISO 4217 code of the amount (must be the plan’s). Required for money.',
    },
    { field: 'points', type: 'number', label: 'Points', description: 'Points: how many (added to the percent part, if any).' },
    { field: 'prize', type: 'text', label: 'Prize', description: 'Prize: what is given, e.g. "Weekend trip".' },
    { field: 'badge', type: 'text', label: 'Badge', description: 'Badge: the segment, e.g. "Elite Club".' },
  ],
}

/** Catalog: the qualifying and commissionable volume of one order line, from its prices, VAT and discount. */
const orderVolumes: RulePurpose = {
  key: 'order_volumes',
  label: 'Order volumes (VQ and VC)',
  description:
    'Given an order line (product, prices before VAT, VAT percent, discount and quantity), return its qualifying volume (VQ) and commissionable volume (VC), e.g. VQ = consultantPrice * (1 + vatPercent / 100) * quantity and VC = (publicPrice * (1 + vatPercent / 100) - discount) * quantity. Volumes are kept to the hundredth.',
  manyResults: false,
  inputs: [
    { field: 'product', type: 'text', label: 'Product', description: 'The product code (SKU).' },
    { field: 'quantity', type: 'number', label: 'Quantity', description: 'Units on the line (positive, also on returns).' },
    {
      field: 'consultantPrice',
      type: 'money',
      label: 'Consultant price',
      description: 'Per unit, before VAT, from the price list of the order’s currency.',
    },
    { field: 'publicPrice', type: 'money', label: 'Public price', description: 'Per unit, before VAT, from the price list.' },
    { field: 'vatPercent', type: 'number', label: 'VAT percent', description: 'e.g. 19.' },
    { field: 'unitPrice', type: 'money', label: 'Price charged', description: 'Per unit, before VAT, as the order charged it.' },
    { field: 'discount', type: 'money', label: 'Discount per unit', description: 'Per unit, before VAT.' },
    { field: 'currency', type: 'text', label: 'Currency', description: 'The order’s ISO 4217 code.' },
  ],
  outputs: [
    { field: 'qualifyingVolume', type: 'money', label: 'VQ', description: 'Qualifying volume of the whole line.', required: true },
    { field: 'commissionableVolume', type: 'money', label: 'VC', description: 'Commissionable volume of the whole line.', required: true },
  ],
}

/** Promotions and rebates: what a program of kind "rule" pays on one point-of-sale line. */
const rebateLine: RulePurpose = {
  key: 'rebate_line',
  label: 'Rebate per point-of-sale line',
  description:
    'Given one point-of-sale line the program’s eligibility admits (partner, tier, region, SKU, family, quantity, prices, date), return the rebate for the whole line in the program currency, e.g. quantity * 12 when family == "Switches" and quantity >= 10. No row (or an empty amount): the line pays nothing under the program.',
  manyResults: false,
  inputs: [
    { field: 'sku', type: 'text', label: 'SKU', description: 'The product code.' },
    { field: 'family', type: 'text', label: 'Family', description: 'The product family; null when none.' },
    { field: 'quantity', type: 'number', label: 'Quantity', description: 'Units sold.' },
    { field: 'unitPrice', type: 'money', label: 'Unit price', description: 'What the end customer paid per unit.' },
    { field: 'unitCost', type: 'money', label: 'Unit cost', description: 'What the partner paid per unit; null when unknown.' },
    {
      field: 'listPrice',
      type: 'money',
      label: 'List price',
      description: 'The catalog price per unit in the line currency; null when none.',
    },
    { field: 'partner', type: 'text', label: 'Partner', description: 'The partner code.' },
    { field: 'partnerTier', type: 'text', label: 'Partner tier', description: 'The partner’s dealer tier; null when none.' },
    { field: 'region', type: 'text', label: 'Region', description: 'The territory code of the sale; null when none.' },
    { field: 'soldOn', type: 'date', label: 'Sold on', description: 'The invoice date, e.g. "2026-11-20".' },
  ],
  outputs: [{ field: 'amount', type: 'money', label: 'Amount', description: 'The rebate of the whole line, e.g. 36 or 12.50.' }],
}

/** Bill payment: the GL code (and optionally the cost centre) of one carrier invoice charge. */
const invoiceGl: RulePurpose = {
  key: 'invoice_gl',
  label: 'GL code per invoice charge',
  description:
    'Given one charge of a carrier invoice (carrier, account, charge type, description, and the department, kind and site of its service from the inventory), return the GL code it is booked to, e.g. "6420" when chargeType == "USAGE" and department == "Sales". A cost centre in the result overrides the inventory’s. No row: nobody’s rule covers the charge and the invoice goes to review.',
  manyResults: false,
  inputs: [
    { field: 'carrier', type: 'text', label: 'Carrier', description: 'The carrier code, e.g. "NTL".' },
    { field: 'accountNumber', type: 'text', label: 'Account', description: 'The carrier account number.' },
    {
      field: 'chargeType',
      type: 'text',
      label: 'Charge type',
      description: 'The carrier’s charge type or USOC, e.g. "MRC", "USAGE", "TAX"; null when none.',
    },
    { field: 'description', type: 'text', label: 'Description', description: 'The charge as the invoice describes it.' },
    {
      field: 'department',
      type: 'text',
      label: 'Department',
      description: 'The department of the service in the inventory; null for account-level charges.',
    },
    {
      field: 'serviceKind',
      type: 'text',
      label: 'Service kind',
      description: 'What the service is; null for account-level charges.',
      values: ['line', 'circuit'],
    },
    { field: 'location', type: 'text', label: 'Location', description: 'The site of the service (else of the account).' },
    {
      field: 'shared',
      type: 'boolean',
      label: 'Shared',
      description: 'The charge is split across cost centres (no service, or a shared service).',
    },
  ],
  outputs: [
    { field: 'glCode', type: 'text', label: 'GL code', description: 'The general-ledger account, e.g. "6410".', required: true },
    { field: 'costCentre', type: 'text', label: 'Cost centre', description: 'Optional: books the whole charge to this cost centre.' },
  ],
}

/** Bill payment: how much of an invoice may be paid without a person (approval by exception). */
const invoiceApproval: RulePurpose = {
  key: 'invoice_approval',
  label: 'Invoice approval limit',
  description:
    'Given a carrier invoice that passed its checks (carrier, account, location, total due), return the auto-pay limit: an invoice whose total due is above it waits for an approver, e.g. 5000 for carrier "NTL" at location "HQ". No row: every invoice of that kind needs a person.',
  manyResults: false,
  inputs: [
    { field: 'carrier', type: 'text', label: 'Carrier', description: 'The carrier code.' },
    { field: 'accountNumber', type: 'text', label: 'Account', description: 'The carrier account number.' },
    { field: 'location', type: 'text', label: 'Location', description: 'The site of the account; null when none.' },
    { field: 'totalDue', type: 'money', label: 'Total due', description: 'The invoice’s total due.' },
    { field: 'currency', type: 'text', label: 'Currency', description: 'The invoice’s ISO 4217 code.' },
  ],
  outputs: [
    {
      field: 'autoPayLimit',
      type: 'money',
      label: 'Auto-pay limit',
      description: 'Invoices up to this total are paid without a person.',
      required: true,
    },
  ],
}

/** The order a loyalty or incentive rule reads: who bought, what, for how much. */
const orderInputs: readonly RuleField[] = [
  { field: 'consultant', type: 'text', label: 'Consultant', description: 'The consultant code the order is booked to.' },
  { field: 'rank', type: 'text', label: 'Rank', description: 'The consultant’s paid rank code (last cycle); null when none.' },
  {
    field: 'segment',
    type: 'text',
    label: 'Segment',
    description: 'The consultant’s segment (dealer tier, e.g. "gold"); null when none.',
  },
  { field: 'status', type: 'text', label: 'Commercial status', description: 'The consultant’s status: active, inactive, suspended…' },
  { field: 'region', type: 'text', label: 'Region', description: 'The consultant’s territory code; null when none.' },
  {
    field: 'lists',
    type: 'list',
    label: 'Pre-selected lists',
    description: 'The codes of the pre-selected lists the consultant (or the customer) is on, e.g. "VIP" in lists.',
  },
  {
    field: 'customerOrder',
    type: 'boolean',
    label: 'Customer order',
    description: 'true when an end customer bought through the consultant.',
  },
  { field: 'products', type: 'list', label: 'Products', description: 'The SKUs on the order, e.g. contains(products, "SKU-CREAM-50").' },
  {
    field: 'quantities',
    type: 'object',
    label: 'Quantities',
    keys: 'the SKUs on the order',
    description: 'Units per SKU, e.g. quantities["SKU-CREAM-50"] >= 2 (0 for a SKU not on the order is written (quantities["X"] ?? 0)).',
  },
  { field: 'orderAmount', type: 'money', label: 'Order amount', description: 'The order’s product total before freight and incentives.' },
  { field: 'freight', type: 'money', label: 'Freight', description: 'The freight the order would be charged.' },
  { field: 'currency', type: 'text', label: 'Currency', description: 'The order’s ISO 4217 code.' },
  { field: 'orderDate', type: 'date', label: 'Order date', description: 'e.g. "2026-11-20".' },
]

/** Loyalty: points a rule grants on an order, beyond the catalog's points per product. */
const pointsEarn: RulePurpose = {
  key: 'points_earn',
  label: 'Loyalty points per order (beyond the catalog)',
  description:
    'Given a processed order (consultant, rank, lists, products and quantities, amount), return the extra points it earns, one line per row that fires (a "collect" table), e.g. 50 points when the order holds both "SKU-CREAM-50" and "SKU-SERUM-30" and rank is "GOLD". The catalog’s points per product are added by the program itself.',
  manyResults: true,
  inputs: orderInputs,
  outputs: [
    { field: 'label', type: 'text', label: 'Label', description: 'What the statement calls it, e.g. "Duo bonus".', required: true },
    { field: 'points', type: 'number', label: 'Points', description: 'Whole points, e.g. 50.', required: true },
  ],
}

/** Incentives: what an order gets when it is processed (gifts, discounts, freight, coupons, credit notes, points). */
const orderIncentive: RulePurpose = {
  key: 'order_incentive',
  label: 'Order incentives (gifts, discounts, freight, coupons, credit notes)',
  description:
    'Given an order before it is charged, return the incentives it earns, one per row that fires (a "collect" table). kind is one of gift (product and quantity free), discount_percent (percent off the products), discount_amount (amount off), freight_waived, freight_amount (the freight charged instead), coupon_amount or coupon_percent (a single-use coupon for a later order, valid validDays days), credit_note (account credit of amount), points.',
  manyResults: true,
  inputs: orderInputs,
  outputs: [
    {
      field: 'label',
      type: 'text',
      label: 'Label',
      description: 'Why it applies, shown to the consultant, e.g. "Spring kit".',
      required: true,
    },
    {
      field: 'kind',
      type: 'text',
      label: 'Kind',
      description: 'What is granted.',
      required: true,
      values: [
        'gift',
        'discount_percent',
        'discount_amount',
        'freight_waived',
        'freight_amount',
        'coupon_amount',
        'coupon_percent',
        'credit_note',
        'points',
      ],
    },
    { field: 'product', type: 'text', label: 'Product', description: 'Gift: the SKU given.' },
    { field: 'quantity', type: 'number', label: 'Quantity', description: 'Gift: units given (1 when empty).' },
    {
      field: 'amount',
      type: 'money',
      label: 'Amount',
      description: 'discount_amount, freight_amount, coupon_amount, credit_note: the amount.',
    },
    { field: 'percent', type: 'number', label: 'Percent', description: 'discount_percent, coupon_percent: e.g. 10.' },
    { field: 'points', type: 'number', label: 'Points', description: 'points: whole points.' },
    {
      field: 'validDays',
      type: 'number',
      label: 'Valid for (days)',
      description: 'Coupons and credit notes: days until they expire (90 when empty).',
    },
  ],
}

/** Loyalty: what a referral earns its referrer in a campaign. */
const referralReward: RulePurpose = {
  key: 'referral_reward',
  label: 'Referral reward per campaign',
  description:
    'Given a referral (the new member’s continuity and orders in the campaign, the referrer’s rank), return what the referrer earns for it this campaign, one line per row that fires, e.g. 100 points when continuity >= 3, or amount 20 USD when campaignOrderAmount >= 150. Each line is posted once per referral and campaign.',
  manyResults: true,
  inputs: [
    { field: 'referrer', type: 'text', label: 'Referrer', description: 'The referrer’s consultant code.' },
    { field: 'referrerRank', type: 'text', label: 'Referrer rank', description: 'The referrer’s paid rank code; null when none.' },
    { field: 'newMember', type: 'text', label: 'New member', description: 'The referred member’s code.' },
    {
      field: 'continuity',
      type: 'number',
      label: 'Continuity (campaigns)',
      description: 'Campaigns in a row, ending with this one, in which the new member ordered (0 when not this one).',
    },
    {
      field: 'campaignOrderAmount',
      type: 'money',
      label: 'Order amount this campaign',
      description: 'The new member’s orders less returns in the campaign.',
    },
    {
      field: 'campaignsSinceJoining',
      type: 'number',
      label: 'Campaigns since joining',
      description: '1 in the campaign the member joined.',
    },
    { field: 'currency', type: 'text', label: 'Currency', description: 'The referrer’s currency.' },
  ],
  outputs: [
    { field: 'label', type: 'text', label: 'Label', description: 'e.g. "Referral continuity".', required: true },
    { field: 'points', type: 'number', label: 'Points', description: 'Whole points.' },
    { field: 'amount', type: 'money', label: 'Amount', description: 'Money, in the referrer’s currency (account credit).' },
  ],
}

export const RULE_PURPOSES = {
  commission_amount: commissionAmount,
  rank_qualification: rankQualification,
  network_bonus: networkBonus,
  order_volumes: orderVolumes,
  rebate_line: rebateLine,
  invoice_gl: invoiceGl,
  invoice_approval: invoiceApproval,
  points_earn: pointsEarn,
  order_incentive: orderIncentive,
  referral_reward: referralReward,
} as const satisfies Record<string, RulePurpose>

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
