import type { Capability } from '../core/capability'
import { rebatesHome } from './home'
import { CreditMemos } from './CreditMemos'
import { Deals } from './Deals'
import { DealSyncs } from './DealSyncs'
import { PosLines } from './PosLines'
import { RebateAccruals } from './RebateAccruals'
import { RebateAttachments } from './RebateAttachments'
import { RebateClaimLines } from './RebateClaimLines'
import { RebateClaimMessages } from './RebateClaimMessages'
import { RebateClaims } from './RebateClaims'
import { RebatePrograms } from './RebatePrograms'

/**
 * Channel promotions and rebates: programs under governance, point-of-sale data, deal registrations, accruals,
 * claims with their validation and disputes, and credit memos for the ERP.
 */
export const rebates: Capability = {
  home: rebatesHome,
  collections: [
    RebatePrograms,
    PosLines,
    Deals,
    DealSyncs,
    RebateAccruals,
    RebateClaims,
    RebateClaimLines,
    RebateClaimMessages,
    RebateAttachments,
    CreditMemos,
  ],
  views: {
    rebates: { Component: '/components/rebates/RebatesView#RebatesView', path: '/rebates' },
  },
  navLinks: ['/components/rebates/RebatesNavLink#RebatesNavLink'],
}
