import { PayeeLedger as PayeeLedger_7fac560cb8cd1b8b0b5337e8964be6d6 } from '../../../components/PayeeLedger'
import { TemplateDownload as TemplateDownload_05b5a041026c69cd4d1b3fa8ae2c2e0a } from '../../../components/TemplateDownload'
import { LinkedJobProgress as LinkedJobProgress_a942480752001772ceaccce5d20c0660 } from '../../../components/JobProgress'
import { RejectsDownload as RejectsDownload_9711496ff5ca6479c87c08a9ab6d86d2 } from '../../../components/RejectsDownload'
import { ReconSummary as ReconSummary_711ed7abe06fce2a652c71f962a4da5b } from '../../../components/ReconSummary'
import { RerunButton as RerunButton_b3cc297f4e1dfde5444435d778d624b7 } from '../../../components/RerunButton'
import { RunConnectorButton as RunConnectorButton_2d7b3d0f9a2d8d6a7c3409a755b79907 } from '../../../components/RunConnectorButton'
import { StatementsJobProgress as StatementsJobProgress_a942480752001772ceaccce5d20c0660 } from '../../../components/JobProgress'
import { RunSteps as RunSteps_b226b72c30f794879bcdfa72b9df3bbd } from '../../../components/RunSteps'
import { RunSummary as RunSummary_500973a9cff49a7f47c89811f134c8d5 } from '../../../components/RunSummary'
import { CommissionRunActions as CommissionRunActions_3205dcfa44d79bddf3c68823d37dc577 } from '../../../components/CommissionRunActions'
import { WhyThisAmount as WhyThisAmount_0e423ffe474f4730d0cb633e48bd37d3 } from '../../../components/WhyThisAmount'
import { StatementDownloads as StatementDownloads_bad0fee6c13f1fc8425b6a0931eb34bb } from '../../../components/StatementDownloads'
import { PaymentBatchActions as PaymentBatchActions_e81aa39db745ca84b6364bc082ad4511 } from '../../../components/PaymentBatchActions'
import { ProposalActions as ProposalActions_e91b97f731116982c465d212ecd39c52 } from '../../../components/ProposalActions'
import { ProposalHistory as ProposalHistory_5ebfbcdfef918520d480badfaf09940d } from '../../../components/ProposalHistory'
import { JobProgress as JobProgress_a942480752001772ceaccce5d20c0660 } from '../../../components/JobProgress'
import { WaitingNavLink as WaitingNavLink_7aa92a7f612213087f273cb3d54f5ff8 } from '../../../components/WaitingForMe/NavLink'
import { DashboardNavLink as DashboardNavLink_398714055367a69c5100bb1bd7f3c597 } from '../../../components/CommissionDashboard/NavLink'
import { ReportsNavLink as ReportsNavLink_6f202119b01e315f5a3f89554d8d8d1e } from '../../../components/ProposalReports/NavLink'
import { CommissionDashboard as CommissionDashboard_efee15b8aa70b2da9627a8e8e0d5d7f3 } from '../../../components/CommissionDashboard'
import { WaitingForMe as WaitingForMe_fb04f60cb340f4f120fda70dba4cf6a8 } from '../../../components/WaitingForMe'
import { ProposalReports as ProposalReports_b916151cab9f7b4421a8a251ba7144cb } from '../../../components/ProposalReports'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/components/PayeeLedger#PayeeLedger": PayeeLedger_7fac560cb8cd1b8b0b5337e8964be6d6,
  "/components/TemplateDownload#TemplateDownload": TemplateDownload_05b5a041026c69cd4d1b3fa8ae2c2e0a,
  "/components/JobProgress#LinkedJobProgress": LinkedJobProgress_a942480752001772ceaccce5d20c0660,
  "/components/RejectsDownload#RejectsDownload": RejectsDownload_9711496ff5ca6479c87c08a9ab6d86d2,
  "/components/ReconSummary#ReconSummary": ReconSummary_711ed7abe06fce2a652c71f962a4da5b,
  "/components/RerunButton#RerunButton": RerunButton_b3cc297f4e1dfde5444435d778d624b7,
  "/components/RunConnectorButton#RunConnectorButton": RunConnectorButton_2d7b3d0f9a2d8d6a7c3409a755b79907,
  "/components/JobProgress#StatementsJobProgress": StatementsJobProgress_a942480752001772ceaccce5d20c0660,
  "/components/RunSteps#RunSteps": RunSteps_b226b72c30f794879bcdfa72b9df3bbd,
  "/components/RunSummary#RunSummary": RunSummary_500973a9cff49a7f47c89811f134c8d5,
  "/components/CommissionRunActions#CommissionRunActions": CommissionRunActions_3205dcfa44d79bddf3c68823d37dc577,
  "/components/WhyThisAmount#WhyThisAmount": WhyThisAmount_0e423ffe474f4730d0cb633e48bd37d3,
  "/components/StatementDownloads#StatementDownloads": StatementDownloads_bad0fee6c13f1fc8425b6a0931eb34bb,
  "/components/PaymentBatchActions#PaymentBatchActions": PaymentBatchActions_e81aa39db745ca84b6364bc082ad4511,
  "/components/ProposalActions#ProposalActions": ProposalActions_e91b97f731116982c465d212ecd39c52,
  "/components/ProposalHistory#ProposalHistory": ProposalHistory_5ebfbcdfef918520d480badfaf09940d,
  "/components/JobProgress#JobProgress": JobProgress_a942480752001772ceaccce5d20c0660,
  "/components/WaitingForMe/NavLink#WaitingNavLink": WaitingNavLink_7aa92a7f612213087f273cb3d54f5ff8,
  "/components/CommissionDashboard/NavLink#DashboardNavLink": DashboardNavLink_398714055367a69c5100bb1bd7f3c597,
  "/components/ProposalReports/NavLink#ReportsNavLink": ReportsNavLink_6f202119b01e315f5a3f89554d8d8d1e,
  "/components/CommissionDashboard#CommissionDashboard": CommissionDashboard_efee15b8aa70b2da9627a8e8e0d5d7f3,
  "/components/WaitingForMe#WaitingForMe": WaitingForMe_fb04f60cb340f4f120fda70dba4cf6a8,
  "/components/ProposalReports#ProposalReports": ProposalReports_b916151cab9f7b4421a8a251ba7144cb,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
