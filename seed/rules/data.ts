/**
 * The rules demo: a dealer plan written the way dealer plans are written (flat amounts for upgrades and downgrades,
 * a base rebate by plan, a port-in bonus on top of it, a feature add), as a rule set a business user can open, try,
 * copy into a new version and attach to a plan with the "rule-based amount" component.
 */
import { tableGraph } from '../../engine/rules/tableGraph'

export const DEMO_RULE_SET = {
  name: 'Dealer plan rules',
  purpose: 'commission_amount',
  description:
    'Vertex and Tidal dealer amounts per verified sale: base rebate by plan, port-in bonus on top, flat upgrade and downgrade amounts, feature adds.',
}

export const DEMO_RULE_CONTENT = tableGraph({
  name: 'Dealer amounts',
  hitPolicy: 'collect',
  inputs: ['activationType', 'ratePlan'],
  outputs: ['label', 'amount'],
  rows: [
    ['"new", "port_in"', '"VTX-UNL-5G", "TDL-MAX"', '"Base rebate"', '60'],
    ['"new", "port_in"', 'not in ["VTX-UNL-5G", "TDL-MAX"]', '"Base rebate"', '35'],
    ['"port_in"', '', '"Port-in bonus"', '25'],
    ['"upgrade"', '', '"Upgrade"', '15'],
    ['"downgrade"', '', '"Downgrade"', '-10'],
    ['"feature_add"', '', '"Feature add"', '5'],
  ],
})

export const DEMO_RULE_TESTS = [
  {
    name: 'Port-in on Essentials: base rebate and port-in bonus',
    inputs: { activationType: 'port_in', ratePlan: 'VTX-ESS' },
    expected: [
      { label: 'Base rebate', amount: '35' },
      { label: 'Port-in bonus', amount: '25' },
    ],
  },
  {
    name: 'New line on Unlimited 5G',
    inputs: { activationType: 'new', ratePlan: 'VTX-UNL-5G' },
    expected: [{ label: 'Base rebate', amount: '60' }],
  },
  {
    name: 'Upgrade pays a flat 15',
    inputs: { activationType: 'upgrade', ratePlan: 'VTX-UNL-5G' },
    expected: [{ label: 'Upgrade', amount: '15' }],
  },
  {
    name: 'Downgrade takes back 10',
    inputs: { activationType: 'downgrade', ratePlan: 'VTX-ESS' },
    expected: [{ label: 'Downgrade', amount: '-10' }],
  },
]
