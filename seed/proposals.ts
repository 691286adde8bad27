/** The demo service catalog the proposal flow sells from. */
export const SERVICES = [
  { code: 'MGD-MOB', name: 'Managed mobility (per 25 lines)', price: '450.00', billingFrequency: 'monthly', commissionable: true },
  { code: 'FLEET-TRK', name: 'Fleet tracking', price: '95.00', billingFrequency: 'weekly', commissionable: true },
  { code: 'HELPDESK', name: 'Help desk', price: '180.00', billingFrequency: 'biweekly', commissionable: true },
  { code: 'ONBOARD', name: 'Onboarding (pass-through)', price: '250.00', billingFrequency: 'monthly', commissionable: false },
] as const
