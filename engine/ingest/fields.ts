/**
 * What each import source can carry: its target fields, how each is parsed, whether it is required, and the note
 * the Excel template shows on its header. A mapping (data, per source or carrier) says which file column holds
 * which field; adding a carrier's layout never needs a change here.
 */

export const IMPORT_SOURCES = ['dealer_sales', 'carrier_records', 'billing_lines', 'network_orders', 'pos_lines', 'tickets'] as const
export type ImportSource = (typeof IMPORT_SOURCES)[number]

export const IMPORT_SOURCE_LABELS: Record<ImportSource, string> = {
  dealer_sales: 'Dealer sales',
  carrier_records: 'Carrier records',
  billing_lines: 'Billing (client charges)',
  network_orders: 'Network orders and returns',
  pos_lines: 'Point-of-sale lines (sell-through)',
  tickets: 'Incident tickets (bulk upload)',
}

export type FieldKind = 'code' | 'date' | 'choice' | 'identifier' | 'features' | 'text' | 'amount'

export type TargetField = {
  name: string
  label: string
  kind: FieldKind
  required: boolean
  identifier?: 'iccid' | 'imei' | 'mdn'
  /** Shown as the template's header note. */
  note: string
  /** Template drop-down list, when the values come from a list. */
  list?:
    | 'dealers'
    | 'carriers'
    | 'ratePlans'
    | 'activationTypes'
    | 'lineStatuses'
    | 'billingFrequencies'
    | 'consultants'
    | 'products'
    | 'orderKinds'
    | 'ticketTypes'
}

const IDENTIFIERS: TargetField[] = [
  {
    name: 'mdn',
    label: 'MDN',
    kind: 'identifier',
    identifier: 'mdn',
    required: false,
    note: 'Phone number, 10 digits. Format the column as Text. One of ICCID, IMEI or MDN is required.',
  },
  {
    name: 'iccid',
    label: 'ICCID',
    kind: 'identifier',
    identifier: 'iccid',
    required: false,
    note: 'SIM number, 19-20 digits starting 89. Format the column as Text: Excel drops digits from long numbers.',
  },
  {
    name: 'imei',
    label: 'IMEI',
    kind: 'identifier',
    identifier: 'imei',
    required: false,
    note: 'Device number, 15 digits with its check digit. Format the column as Text.',
  },
]

const LINE: TargetField[] = [
  {
    name: 'activationType',
    label: 'Activation Type',
    kind: 'choice',
    required: true,
    list: 'activationTypes',
    note: 'new, upgrade, downgrade, port_in or feature_add.',
  },
  ...IDENTIFIERS,
  {
    name: 'ratePlanCode',
    label: 'Rate Plan',
    kind: 'code',
    required: true,
    list: 'ratePlans',
    note: "The carrier's rate plan code, as in Accrue's catalog.",
  },
  {
    name: 'features',
    label: 'Features',
    kind: 'features',
    required: false,
    note: 'Feature codes separated by commas, e.g. HOTSPOT, INTL.',
  },
  {
    name: 'customerAccount',
    label: 'Customer Account',
    kind: 'text',
    required: false,
    note: "The customer's account number with the carrier.",
  },
]

export const SOURCE_FIELDS: Record<ImportSource, TargetField[]> = {
  dealer_sales: [
    {
      name: 'dealerCode',
      label: 'Dealer Code',
      kind: 'code',
      required: true,
      list: 'dealers',
      note: "The dealer's code in Accrue, e.g. DLR-0101.",
    },
    { name: 'saleDate', label: 'Sale Date', kind: 'date', required: true, note: 'The day of the sale.' },
    { name: 'carrierCode', label: 'Carrier', kind: 'code', required: true, list: 'carriers', note: "The carrier's code in Accrue." },
    ...LINE,
  ],
  carrier_records: [
    {
      name: 'activationDate',
      label: 'Activation Date',
      kind: 'date',
      required: true,
      note: 'The day the carrier activated the line or applied the change.',
    },
    ...LINE,
    {
      name: 'dealerCode',
      label: 'Dealer Code',
      kind: 'code',
      required: false,
      list: 'dealers',
      note: 'The dealer the carrier credits, when the file says.',
    },
    {
      name: 'lineStatus',
      label: 'Line Status',
      kind: 'choice',
      required: false,
      list: 'lineStatuses',
      note: 'active, suspended or deactivated (default active).',
    },
    {
      name: 'deactivationDate',
      label: 'Deactivation Date',
      kind: 'date',
      required: false,
      note: 'The day the line was deactivated, if it was.',
    },
    {
      name: 'paidActivation',
      label: 'Paid Activation',
      kind: 'amount',
      required: false,
      note: 'What the carrier paid for the activation.',
    },
    { name: 'paidFeatures', label: 'Paid Features', kind: 'amount', required: false, note: 'What the carrier paid for features.' },
    { name: 'paidSpiff', label: 'Paid Spiff', kind: 'amount', required: false, note: 'What the carrier paid as spiff.' },
  ],
  billing_lines: [
    {
      name: 'clientCode',
      label: 'Client Code',
      kind: 'code',
      required: true,
      note: "The client's code in Accrue (on the prospect once it is a client), e.g. CL-00012.",
    },
    { name: 'serviceCode', label: 'Service Code', kind: 'code', required: true, note: 'The service code of the catalog, e.g. MGD-MOB.' },
    {
      name: 'chargedOn',
      label: 'Charged On',
      kind: 'date',
      required: true,
      note: 'The day the billing engine charged it; weekly and biweekly charges roll into the month of this day.',
    },
    {
      name: 'frequency',
      label: 'Frequency',
      kind: 'choice',
      required: true,
      list: 'billingFrequencies',
      note: 'monthly, weekly or biweekly.',
    },
    { name: 'charged', label: 'Charged', kind: 'amount', required: true, note: 'The amount charged to the client.' },
    {
      name: 'commissionable',
      label: 'Commissionable',
      kind: 'amount',
      required: true,
      note: 'The part of the charge commission is paid on.',
    },
    {
      name: 'nonCommissionable',
      label: 'Non-commissionable',
      kind: 'amount',
      required: true,
      note: 'The rest: Commissionable + Non-commissionable = Charged.',
    },
  ],
  network_orders: [
    {
      name: 'orderNumber',
      label: 'Order Number',
      kind: 'text',
      required: true,
      note: 'The order (or return) number in the ordering system, e.g. SO-100234.',
    },
    { name: 'line', label: 'Line', kind: 'amount', required: true, note: 'The line number within the order: 1, 2, 3…' },
    {
      name: 'kind',
      label: 'Kind',
      kind: 'choice',
      required: false,
      list: 'orderKinds',
      note: 'order or return (default order).',
    },
    {
      name: 'bookedOn',
      label: 'Booked On',
      kind: 'date',
      required: true,
      note: 'The day the order or the return was booked: it decides the cycle.',
    },
    {
      name: 'consultantCode',
      label: 'Consultant Code',
      kind: 'code',
      required: true,
      list: 'consultants',
      note: "The consultant whose personal volume the line is (for a customer's order, the consultant the customer buys through).",
    },
    { name: 'customer', label: 'Customer', kind: 'text', required: false, note: "A customer's order: the customer's name or code." },
    {
      name: 'productCode',
      label: 'Product Code',
      kind: 'code',
      required: true,
      list: 'products',
      note: 'The product code (SKU) of the catalog.',
    },
    { name: 'quantity', label: 'Quantity', kind: 'amount', required: true, note: 'Units, a whole number above 0 (also on returns).' },
    { name: 'currency', label: 'Currency', kind: 'code', required: true, note: 'ISO 4217 code of the prices, e.g. USD, COP, MXN.' },
    {
      name: 'unitPrice',
      label: 'Unit Price',
      kind: 'amount',
      required: false,
      note: "Price charged per unit before VAT (default: the consultant price of the product's price list).",
    },
    { name: 'discount', label: 'Discount', kind: 'amount', required: false, note: 'Discount per unit before VAT (default 0).' },
    {
      name: 'returnOfOrder',
      label: 'Returned Order',
      kind: 'text',
      required: false,
      note: 'Returns: the order number returned (its line is Returned Line, or this line number).',
    },
    { name: 'returnOfLine', label: 'Returned Line', kind: 'amount', required: false, note: 'Returns: the line of the returned order.' },
  ],
  pos_lines: [
    {
      name: 'partnerCode',
      label: 'Partner Code',
      kind: 'code',
      required: false,
      note: "The distributor or reseller who sold (not needed when the mapping is the partner's own).",
    },
    { name: 'invoiceNumber', label: 'Invoice Number', kind: 'text', required: true, note: "The partner's invoice to its customer." },
    { name: 'invoiceLine', label: 'Invoice Line', kind: 'amount', required: true, note: 'The line within the invoice: 1, 2, 3…' },
    { name: 'soldOn', label: 'Invoice Date', kind: 'date', required: true, note: 'The day of the sale (the invoice date).' },
    { name: 'endCustomer', label: 'End Customer', kind: 'text', required: true, note: 'Who bought, as the invoice names them.' },
    { name: 'productCode', label: 'SKU', kind: 'code', required: true, list: 'products', note: 'The product code (SKU) of the catalog.' },
    { name: 'quantity', label: 'Quantity', kind: 'amount', required: true, note: 'Units sold, a whole number above 0.' },
    { name: 'currency', label: 'Currency', kind: 'code', required: true, note: 'ISO 4217 code of the prices, e.g. USD.' },
    { name: 'unitPrice', label: 'Unit Price', kind: 'amount', required: true, note: 'What the end customer paid per unit.' },
    { name: 'unitCost', label: 'Unit Cost', kind: 'amount', required: false, note: 'What the partner paid per unit, if known.' },
    {
      name: 'regionCode',
      label: 'Ship-to Region',
      kind: 'code',
      required: false,
      note: "Territory code of the ship-to; default: the partner's.",
    },
    {
      name: 'dealNumber',
      label: 'Deal Number',
      kind: 'text',
      required: false,
      note: 'The registered deal the sale was made under, e.g. DR-1001.',
    },
  ],
  tickets: [
    {
      name: 'reference',
      label: 'Reference',
      kind: 'text',
      required: true,
      note: 'Your reference for the incident (a re-upload of the same reference updates nothing and adds nothing).',
    },
    {
      name: 'consultantCode',
      label: 'Consultant Code',
      kind: 'code',
      required: true,
      list: 'consultants',
      note: 'The affected consultant. An unknown code rejects the row.',
    },
    {
      name: 'type',
      label: 'Type',
      kind: 'choice',
      required: true,
      list: 'ticketTypes',
      note: 'network_management, activation, commissions or incentives.',
    },
    { name: 'subject', label: 'Subject', kind: 'text', required: true, note: 'One line saying what happened.' },
    { name: 'description', label: 'Description', kind: 'text', required: false, note: 'The details.' },
    { name: 'priority', label: 'Priority', kind: 'choice', required: false, note: 'low, normal (default), high or urgent.' },
    {
      name: 'queueCode',
      label: 'Queue',
      kind: 'code',
      required: false,
      note: "The queue's code; default: the first queue taking the type.",
    },
  ],
}

export function targetField(source: ImportSource, name: string): TargetField | undefined {
  return SOURCE_FIELDS[source].find((field) => field.name === name)
}

export type MappingColumn = { field: string; header: string }

/**
 * Problems with a mapping as configured: unknown fields, a field mapped twice, two fields on one header, a required
 * field with no column (the carrier column is not needed when the mapping fixes the carrier).
 */
export function mappingProblems(source: ImportSource, columns: readonly MappingColumn[], fixedCarrier: boolean): string[] {
  const problems: string[] = []
  const seenFields = new Set<string>()
  const seenHeaders = new Set<string>()
  for (const column of columns) {
    if (!targetField(source, column.field)) problems.push(`"${column.field}" is not a field of ${IMPORT_SOURCE_LABELS[source]}`)
    if (seenFields.has(column.field)) problems.push(`"${column.field}" is mapped twice`)
    const header = column.header.trim().toLowerCase()
    if (header === '') problems.push(`"${column.field}" has no header name`)
    if (seenHeaders.has(header)) problems.push(`the header "${column.header}" is used for two fields`)
    seenFields.add(column.field)
    seenHeaders.add(header)
  }
  for (const field of SOURCE_FIELDS[source]) {
    if (!field.required || seenFields.has(field.name)) continue
    if ((field.name === 'carrierCode' || field.name === 'partnerCode') && fixedCarrier) continue
    problems.push(`the required field "${field.label}" has no column`)
  }
  if (source === 'carrier_records' && !fixedCarrier) problems.push('a carrier-records mapping must name its carrier')
  if (source === 'pos_lines' && !fixedCarrier && !seenFields.has('partnerCode'))
    problems.push('map the Partner Code column, or name the partner whose files this mapping reads')
  const hasLineKeys = source === 'dealer_sales' || source === 'carrier_records'
  if (hasLineKeys && !IDENTIFIERS.some((field) => seenFields.has(field.name))) problems.push('map at least one of ICCID, IMEI or MDN')
  return problems
}

/** The standard mapping of a source: every field under its label (what the template's header row says). */
export function standardColumns(source: ImportSource, fixedCarrier: boolean): MappingColumn[] {
  return SOURCE_FIELDS[source]
    .filter((field) => !(fixedCarrier && (field.name === 'carrierCode' || field.name === 'partnerCode')))
    .map((field) => ({ field: field.name, header: field.label }))
}
