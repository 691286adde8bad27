import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/core/nobody'
import { staff } from '../../access/core/staff'
import { RECON_CLASS_LABELS, RECON_CLASSES } from '../../engine/reconcile/reconciliation'
import { moneyField } from '../../fields/core/money'

/**
 * Every row of both sides of a run, classified: one line per dealer sale in the period (with the carrier record it
 * matched, if any) and one per carrier record no sale claimed. Written in bulk by the run; `matched` lines are the
 * commissionable sales. Amounts: expected = the payout schedule's price of the line (version recorded), paid = what
 * the carrier paid for it.
 */
export const ReconciliationLines: CollectionConfig = {
  slug: 'reconciliation-lines',
  lockDocuments: false,
  timestamps: false,
  admin: { group: 'Reconcile', defaultColumns: ['run', 'reconClass', 'sale', 'carrierRecord', 'dealer', 'expected', 'paid'] },
  access: { read: staff, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['run', 'reconClass'] }],
  fields: [
    { name: 'run', type: 'relationship', relationTo: 'reconciliation-runs', required: true },
    {
      name: 'reconClass',
      label: 'Class',
      type: 'select',
      required: true,
      options: RECON_CLASSES.map((value) => ({ value, label: RECON_CLASS_LABELS[value] })),
    },
    { name: 'sale', type: 'relationship', relationTo: 'dealer-sales', index: true },
    { name: 'carrierRecord', type: 'relationship', relationTo: 'carrier-records', index: true },
    { name: 'dealer', type: 'relationship', relationTo: 'participants' },
    moneyField({ name: 'expected', description: "The payout schedule's price of the line." }),
    moneyField({ name: 'paid', description: 'What the carrier paid for it.' }),
    {
      name: 'scheduleVersion',
      type: 'relationship',
      relationTo: 'payout-schedules',
      admin: { description: 'The payout schedule version that priced the line.' },
    },
  ],
}
