import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { companyAdmins } from '../../access/core/companyAdmins'
import { staff } from '../../access/core/staff'
import { PROGRAM_KINDS, programProblems, type ProgramKind } from '../../engine/proposals/advertising'
import { dateOnlyField } from '../../fields/core/dateOnly'
import { auditChange } from '../../hooks/system/audit/auditChange'
import { fieldError } from '../../hooks/core/fieldError'
import { relationId } from '../../hooks/core/relationId'

const checkProgram: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const merged = { ...originalDoc, ...data }
  const problem = programProblems({
    id: Number(merged.id ?? 0),
    kind: merged.kind as ProgramKind,
    territoryId: relationId(merged.territory),
    percent: String(merged.percent ?? ''),
    name: String(merged.name ?? ''),
  })[0]
  if (problem) throw fieldError('advertising-programs', problem.field, problem.message)
  return data
}

/**
 * A national or territory advertising program started by a company admin: its percentage is deducted from the
 * payout of every affected participant (everyone for national, those in the territory for territory programs), as a
 * line of its own on the statement.
 */
export const AdvertisingPrograms: CollectionConfig = {
  slug: 'advertising-programs',
  lockDocuments: false,
  admin: { useAsTitle: 'name', group: 'Proposals', defaultColumns: ['name', 'kind', 'territory', 'percent', 'startsOn', 'endsOn'] },
  access: { read: staff, create: companyAdmins, update: companyAdmins, delete: companyAdmins },
  hooks: { beforeChange: [checkProgram], afterChange: [auditChange] },
  fields: [
    { name: 'name', type: 'text', required: true },
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          required: true,
          options: PROGRAM_KINDS.map((value) => ({ value, label: value === 'national' ? 'National' : 'Territory' })),
        },
        { name: 'territory', type: 'relationship', relationTo: 'territories', admin: { condition: (data) => data?.kind === 'territory' } },
        { name: 'percent', type: 'text', required: true, admin: { description: 'Deducted from each affected payout, e.g. 2.5.' } },
      ],
    },
    {
      type: 'row',
      fields: [
        dateOnlyField({ name: 'startsOn', required: true }),
        dateOnlyField({ name: 'endsOn', description: 'Empty: until stopped.' }),
      ],
    },
  ],
}
