import type { Capability } from '../core/capability'
import { proposalsHome } from './home'
import { AdvertisingPrograms } from './AdvertisingPrograms'
import { BillingLines } from './BillingLines'
import { CommissionRules } from './CommissionRules'
import { Proposals } from './Proposals'
import { Prospects } from './Prospects'
import { Services } from './Services'

/** Proposal-to-commission: services, prospects, proposals, rules, advertising and billing. */
export const proposals: Capability = {
  home: proposalsHome,
  collections: [Services, Prospects, Proposals, CommissionRules, AdvertisingPrograms, BillingLines],
  views: {
    waitingForMe: { Component: '/components/proposals/WaitingForMe#WaitingForMe', path: '/waiting-for-me' },
    proposalReports: { Component: '/components/proposals/ProposalReports#ProposalReports', path: '/proposal-reports' },
  },
  navLinks: ['/components/proposals/WaitingForMe/NavLink#WaitingNavLink', '/components/proposals/ProposalReports/NavLink#ReportsNavLink'],
}
