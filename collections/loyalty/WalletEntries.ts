import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/core/nobody'
import { readOwnSubtree } from '../../access/core/subtree'
import { WALLET_KINDS } from '../../engine/loyalty/types'
import { dateOnlyField } from '../../fields/core/dateOnly'
import { moneyField } from '../../fields/core/money'
import { balancesEndpoint, convertEndpoint } from './endpoints/wallet'

/**
 * The wallet: account credit per holder and currency, append-only like the points ledger. Points converted to
 * credit, credit converted back to points or to another currency, commissions exchanged for points, credit notes,
 * and credit spent on an order are rows; every conversion records its rate. A balance is a sum.
 */
export const WalletEntries: CollectionConfig = {
  slug: 'wallet-entries',
  lockDocuments: false,
  admin: { group: 'Loyalty', defaultColumns: ['bookedOn', 'consultant', 'currency', 'amount', 'kind', 'label'] },
  endpoints: [convertEndpoint, balancesEndpoint],
  access: { read: readOwnSubtree('consultant.path'), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['consultant', 'currency'] }],
  fields: [
    { name: 'consultant', type: 'relationship', relationTo: 'participants', required: true, index: true },
    { name: 'customer', type: 'text' },
    { name: 'currency', type: 'text', required: true },
    moneyField({ name: 'amount', required: true, description: 'Positive in, negative out, in the currency’s minor unit.' }),
    { name: 'kind', type: 'select', required: true, options: [...WALLET_KINDS] },
    dateOnlyField({ name: 'bookedOn', required: true }),
    dateOnlyField({ name: 'expiresOn', description: 'Credit notes: the last day they can be used.' }),
    { name: 'label', type: 'text' },
    { name: 'rate', type: 'text', admin: { description: 'Conversions: the rate applied (units of this currency per unit given).' } },
    { name: 'rateSource', type: 'relationship', relationTo: 'conversion-rates' },
    {
      name: 'counterpart',
      type: 'relationship',
      relationTo: 'wallet-entries',
      admin: { description: 'Currency conversions: the other side.' },
    },
    { name: 'orderNumber', type: 'text', index: true },
    { name: 'ruleVersion', type: 'relationship', relationTo: 'rule-versions' },
    { name: 'createdBy', type: 'relationship', relationTo: 'users' },
    { name: 'naturalKey', type: 'text', unique: true, admin: { readOnly: true } },
  ],
}
