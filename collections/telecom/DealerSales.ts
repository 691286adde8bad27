import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/core/nobody'
import { readOwnSubtree } from '../../access/core/subtree'
import { dateOnlyField } from '../../fields/core/dateOnly'
import { lineFields, provenanceFields } from '../../fields/telecom/lineFields'

/**
 * What dealers report they sold. Written in bulk by imports only (the import makes the checks a hook would);
 * read by staff, and by partners and dealers for their own part of the network.
 */
export const DealerSales: CollectionConfig = {
  slug: 'dealer-sales',
  lockDocuments: false,
  admin: {
    group: 'Data in',
    useAsTitle: 'naturalKey',
    defaultColumns: ['saleDate', 'dealer', 'carrier', 'activationType', 'mdn', 'iccid', 'ratePlan', 'features'],
    listSearchableFields: ['mdn', 'iccid', 'imei', 'customerAccount'],
  },
  access: { read: readOwnSubtree('dealer.path'), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['carrier', 'saleDate'] }],
  fields: [
    { name: 'dealer', type: 'relationship', relationTo: 'participants', required: true, index: true },
    dateOnlyField({ name: 'saleDate', required: true }),
    ...lineFields,
    ...provenanceFields,
  ],
}
