import type { ActivationType } from '../../engine/telecom/vocabulary'

/** The demo carrier catalog: two carriers, their plans, payout schedule versions and file mappings. */

export const CARRIERS = [
  { code: 'VTX', name: 'Vertex Wireless', dateToleranceDays: 3, chargebackWindowDays: 180 },
  { code: 'TDL', name: 'Tidal Mobile', dateToleranceDays: 2, chargebackWindowDays: 120 },
] as const

export const RATE_PLANS = [
  {
    carrier: 'VTX',
    code: 'VTX-UNL-5G',
    name: 'Unlimited 5G',
    category: 'postpaid',
    monthlyCharge: '70.00',
    features: [
      { code: 'HOTSPOT', name: 'Mobile hotspot 50 GB', monthlyCharge: '10.00' },
      { code: 'INTL', name: 'International calling', monthlyCharge: '15.00' },
      { code: 'PROT', name: 'Device protection', monthlyCharge: '12.00' },
    ],
  },
  {
    carrier: 'VTX',
    code: 'VTX-ESS',
    name: 'Essentials',
    category: 'postpaid',
    monthlyCharge: '50.00',
    features: [{ code: 'PROT', name: 'Device protection', monthlyCharge: '12.00' }],
  },
  { carrier: 'VTX', code: 'VTX-PRE-35', name: 'Prepaid 35', category: 'prepaid', monthlyCharge: '35.00', features: [] },
  {
    carrier: 'VTX',
    code: 'VTX-BIZ',
    name: 'Business Pro',
    category: 'business',
    monthlyCharge: '85.00',
    features: [{ code: 'HOTSPOT', name: 'Mobile hotspot 50 GB', monthlyCharge: '10.00' }],
  },
  {
    carrier: 'TDL',
    code: 'TDL-MAX',
    name: 'Max',
    category: 'postpaid',
    monthlyCharge: '80.00',
    features: [{ code: 'INTL', name: 'International calling', monthlyCharge: '15.00' }],
  },
  { carrier: 'TDL', code: 'TDL-PLUS', name: 'Plus', category: 'postpaid', monthlyCharge: '60.00', features: [] },
  { carrier: 'TDL', code: 'TDL-GO', name: 'Go Prepaid', category: 'prepaid', monthlyCharge: '30.00', features: [] },
] as const

type SeedLine = {
  kind: 'activation' | 'feature' | 'spiff'
  activationType?: ActivationType
  ratePlan?: string
  featureCode?: string
  amount: string
}

const vertexLines = (bump: number): SeedLine[] => {
  const up = (amount: number) => (amount + bump).toFixed(2)
  return [
    { kind: 'activation', activationType: 'new', amount: up(100) },
    { kind: 'activation', activationType: 'new', ratePlan: 'VTX-UNL-5G', amount: up(150) },
    { kind: 'activation', activationType: 'port_in', amount: up(175) },
    { kind: 'activation', activationType: 'upgrade', amount: up(50) },
    { kind: 'activation', activationType: 'downgrade', amount: '10.00' },
    { kind: 'activation', activationType: 'feature_add', amount: '0.00' },
    { kind: 'activation', activationType: 'new', ratePlan: 'VTX-PRE-35', amount: '40.00' },
    { kind: 'feature', featureCode: 'HOTSPOT', amount: '20.00' },
    { kind: 'feature', featureCode: 'INTL', amount: '15.00' },
    { kind: 'feature', featureCode: 'PROT', amount: '25.00' },
    { kind: 'spiff', activationType: 'port_in', ratePlan: 'VTX-UNL-5G', amount: '50.00' },
  ]
}

export const PAYOUT_SCHEDULES: { carrier: string; effectiveFrom: string; notes: string; lines: SeedLine[] }[] = [
  { carrier: 'VTX', effectiveFrom: '2026-01-01', notes: 'Vertex dealer compensation, 2026 program.', lines: vertexLines(0) },
  { carrier: 'VTX', effectiveFrom: '2026-10-01', notes: 'Q4 rates: activations and port-ins up 10.00.', lines: vertexLines(10) },
  {
    carrier: 'TDL',
    effectiveFrom: '2026-01-01',
    notes: 'Tidal Mobile dealer compensation, 2026.',
    lines: [
      { kind: 'activation', activationType: 'new', amount: '90.00' },
      { kind: 'activation', activationType: 'port_in', amount: '140.00' },
      { kind: 'activation', activationType: 'upgrade', amount: '40.00' },
      { kind: 'feature', featureCode: 'INTL', amount: '12.00' },
    ],
  },
]

export const MAPPINGS = [
  {
    name: 'Dealer sales (standard template)',
    source: 'dealer_sales',
    carrier: null,
    standard: true,
    dateFormats: 'YYYY-MM-DD, MM/DD/YYYY',
    decimalSeparator: '.',
  },
  {
    name: 'Tidal Mobile records (standard template)',
    source: 'carrier_records',
    carrier: 'TDL',
    standard: true,
    dateFormats: 'YYYY-MM-DD, MM/DD/YYYY',
    decimalSeparator: '.',
  },
  {
    name: 'Billing engine export (standard template)',
    source: 'billing_lines',
    carrier: null,
    standard: true,
    dateFormats: 'YYYY-MM-DD, MM/DD/YYYY',
    decimalSeparator: '.',
  },
  {
    name: 'Vertex Wireless portal export',
    source: 'carrier_records',
    carrier: 'VTX',
    standard: false,
    csvDelimiter: ';',
    decimalSeparator: ',',
    dateFormats: 'DD.MM.YYYY, YYYY-MM-DD',
    columns: [
      { field: 'activationDate', header: 'ACT_DATE' },
      { field: 'activationType', header: 'ACT_TYPE' },
      { field: 'mdn', header: 'MDN' },
      { field: 'iccid', header: 'SIM_ICCID' },
      { field: 'imei', header: 'DEVICE_IMEI' },
      { field: 'ratePlanCode', header: 'PLAN_CODE' },
      { field: 'features', header: 'FEATURES' },
      { field: 'customerAccount', header: 'ACCOUNT_NO' },
      { field: 'dealerCode', header: 'AGENT_CODE' },
      { field: 'lineStatus', header: 'STATUS' },
      { field: 'deactivationDate', header: 'DEACT_DATE' },
      { field: 'paidActivation', header: 'ACT_COMM' },
      { field: 'paidFeatures', header: 'FEAT_COMM' },
      { field: 'paidSpiff', header: 'SPIFF' },
    ],
  },
] as const

/** The demo reconciliation: Vertex, October 2026, a few hundred lines with every class present. */
export const DEMO_RECON = {
  carrier: 'VTX',
  periodStart: '2026-10-01',
  periodEnd: '2026-10-31',
  days: 31,
  records: 240,
  dealers: ['DLR-0101', 'DLR-0102', 'DLR-0201', 'DLR-0301', 'DLR-0302'],
  featureSets: ['HOTSPOT', 'PROT', 'HOTSPOT,INTL'],
}
