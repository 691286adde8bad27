/** The demo service catalog the proposal flow sells from. */
export const SERVICES = [
  { code: 'MGD-MOB', name: 'Managed mobility (per 25 lines)', price: '450.00', billingFrequency: 'monthly', commissionable: true },
  { code: 'FLEET-TRK', name: 'Fleet tracking', price: '95.00', billingFrequency: 'weekly', commissionable: true },
  { code: 'HELPDESK', name: 'Help desk', price: '180.00', billingFrequency: 'biweekly', commissionable: true },
  { code: 'ONBOARD', name: 'Onboarding (pass-through)', price: '250.00', billingFrequency: 'monthly', commissionable: false },
] as const

/** What management has set up for proposal commissions: everyone is paid 10 % by default, one national program. */
export const PROPOSAL_DEMO = {
  defaultRule: { scope: 'default', kind: 'percent', rate: '10', currency: 'USD' },
  programs: [{ name: 'National print', kind: 'national', percent: '1', startsOn: '2026-01-01' }],
  plan: {
    name: 'Proposal commissions',
    currency: 'USD',
    description: 'Monthly commission on accepted proposals’ commissionable billing, down the chain, less advertising programs.',
  },
} as const
