import type { CollectionConfig } from 'payload'

import { catalogEditors } from '../../../access/core/catalogEditors'
import { staff } from '../../../access/core/staff'
import { ruleVersionEditors } from '../../../access/rules/ruleVersionEditors'
import { dateOnlyField } from '../../../fields/core/dateOnly'
import { auditChange } from '../../../hooks/system/audit/auditChange'
import { auditDelete } from '../../../hooks/system/audit/auditDelete'
import { RULE_VERSION_STATUS_LABELS, RULE_VERSION_STATUSES } from '../../../modules/rules/governance'
import { sampleInputsEndpoint } from './endpoints/sampleInputs'
import { tryDraftEndpoint, tryVersionEndpoint } from './endpoints/tryRule'
import { applyTransition } from './hooks/applyTransition'
import { checkRuleVersion } from './hooks/checkRuleVersion'
import { keepSystemFields } from './hooks/keepSystemFields'
import { numberRuleVersion } from './hooks/numberRuleVersion'
import { refuseDeletingUsedVersion } from './hooks/refuseDeletingUsedVersion'

const sidebarReadOnly = { readOnly: true, position: 'sidebar' } as const

/**
 * One version of a rule set: its decision graph (JDM), in force from its effective date, with the test cases that
 * prove it. Draft → submitted → approved → retired: a save of a draft checks the graph against the purpose and runs
 * the tests; submitting needs every test to pass; someone other than the last editor approves (the tests run again);
 * an approved version is frozen until it is retired. Runs use the approved version in force on the day
 * (`modules/rules/versions.ts`). `POST /api/rule-versions/try` and `/:id/try` evaluate a rule on typed inputs;
 * `GET /api/rule-versions/sample-inputs` gives inputs taken from real verified sales.
 */
export const RuleVersions: CollectionConfig = {
  slug: 'rule-versions',
  lockDocuments: false,
  admin: { useAsTitle: 'title', group: 'Settings', defaultColumns: ['title', 'ruleSet', 'effectiveFrom', 'status', 'lastEditedBy'] },
  access: { read: staff, create: catalogEditors, update: ruleVersionEditors, delete: catalogEditors },
  endpoints: [tryDraftEndpoint, tryVersionEndpoint, sampleInputsEndpoint],
  hooks: {
    beforeChange: [keepSystemFields, applyTransition, numberRuleVersion, checkRuleVersion],
    afterChange: [auditChange],
    beforeDelete: [refuseDeletingUsedVersion, auditDelete],
  },
  indexes: [{ fields: ['ruleSet', 'version'], unique: true }],
  fields: [
    { name: 'title', type: 'text', admin: { readOnly: true, description: 'Set from the rule set, version and date.' } },
    { name: 'ruleSet', type: 'relationship', relationTo: 'rule-sets', required: true, index: true },
    { name: 'version', type: 'number', admin: { readOnly: true } },
    dateOnlyField({
      name: 'effectiveFrom',
      required: true,
      description:
        'Commission periods starting on or after this day use this version once it is approved (the version in force on a period’s first day prices the whole period).',
    }),
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      // "Duplicate" in the admin starts the next version from this one: as a draft.
      hooks: { beforeDuplicate: [() => 'draft'] },
      options: RULE_VERSION_STATUSES.map((value) => ({ value, label: RULE_VERSION_STATUS_LABELS[value] })),
      admin: {
        position: 'sidebar',
        description:
          'Draft → submitted (every test passes) → approved (by a company admin or finance user who did not edit it last) → retired. Withdraw a submitted version to draft to change it.',
      },
    },
    {
      name: 'content',
      type: 'json',
      required: true,
      admin: {
        description: "The decision graph: tables, expressions and switches over the purpose's inputs, returning its outputs.",
        components: { Field: '/components/rules/RuleEditor#RuleEditor' },
      },
    },
    { name: 'tryIt', type: 'ui', admin: { components: { Field: '/components/rules/TryIt#TryIt' } } },
    {
      name: 'testCases',
      type: 'array',
      admin: { description: 'Inputs and the results they must give; run on every save, and again on approval.' },
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'inputs', type: 'json', admin: { description: 'The inputs, e.g. {"carrier": "ATT", "activationType": "upgrade"}.' } },
        {
          name: 'expected',
          type: 'json',
          admin: {
            description: 'The results expected, in order, e.g. [{"label": "Upgrade", "amount": "25"}]; only the fields named are compared.',
          },
        },
      ],
    },
    {
      name: 'testResults',
      type: 'json',
      admin: { readOnly: true, description: 'The outcome of each test case at the last save, and when they ran.' },
    },
    {
      name: 'lastEditedBy',
      type: 'relationship',
      relationTo: 'users',
      admin: { ...sidebarReadOnly, description: 'Who last changed the rule, its tests or its date; may not approve it.' },
    },
    { name: 'submittedBy', type: 'relationship', relationTo: 'users', admin: sidebarReadOnly },
    { name: 'submittedAt', type: 'date', admin: sidebarReadOnly },
    { name: 'approvedBy', type: 'relationship', relationTo: 'users', admin: sidebarReadOnly },
    { name: 'approvedAt', type: 'date', admin: sidebarReadOnly },
    { name: 'retiredAt', type: 'date', admin: sidebarReadOnly },
    { name: 'notes', type: 'textarea' },
  ],
}
