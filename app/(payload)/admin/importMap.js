import { LinkedJobProgress as LinkedJobProgress_d1a3a19ff6d9793e0ae9b399ee88bccf } from '../../../components/core/JobProgress'
import { RejectsDownload as RejectsDownload_d3a44a94f09961560c5e7b1b4df2faff } from '../../../components/ingest/RejectsDownload'
import { ReconSummary as ReconSummary_13a4f7c5c33dcba3320acaca8fa34c9b } from '../../../components/reconcile/ReconSummary'
import { RerunButton as RerunButton_1370d5d667478e3108c969c27da1287a } from '../../../components/reconcile/RerunButton'
import { StatementsJobProgress as StatementsJobProgress_d1a3a19ff6d9793e0ae9b399ee88bccf } from '../../../components/core/JobProgress'
import { RunSteps as RunSteps_03ca194a6075b2b8aa0525d9a939401d } from '../../../components/commission/RunSteps'
import { RunSummary as RunSummary_0827ee8558472e82db98fd284bcd4d7c } from '../../../components/commission/RunSummary'
import { CommissionRunActions as CommissionRunActions_0af5e0b0c87dbc978bd99c29c3c5973e } from '../../../components/commission/CommissionRunActions'
import { WhyThisAmount as WhyThisAmount_0ca95f71ee759d0f36ef1132166b5a74 } from '../../../components/commission/WhyThisAmount'
import { StatementDownloads as StatementDownloads_6c94111edb28ac775494ce2e6b9407ad } from '../../../components/commission/StatementDownloads'
import { PaymentBatchActions as PaymentBatchActions_9a8080346f763f4331ac2f9128d0d2fc } from '../../../components/payments/PaymentBatchActions'
import { ProposalActions as ProposalActions_ba3e18d8c3b6405291212c3fc9b93821 } from '../../../components/proposals/ProposalActions'
import { ProposalHistory as ProposalHistory_85cec86be0c0f114d61cc67c5f6a9b03 } from '../../../components/proposals/ProposalHistory'
import { PayeeLedger as PayeeLedger_904bacb1fa3215c7186766b7d5d56eb5 } from '../../../components/payments/PayeeLedger'
import { PipelineWizard as PipelineWizard_8408dc3d62c62a3855743174c114f3ab } from '../../../components/multilevel/PipelineWizard'
import { OpenReviewLink as OpenReviewLink_1734370a60d0a81b6888216c915b323f } from '../../../components/billpay/OpenReviewLink'
import { TicketActions as TicketActions_a9e46e0fd72f0a67f35fa0c8857780a5 } from '../../../components/support/TicketActions'
import { MappingPreview as MappingPreview_a8d583e4ef84e2140265b4cd612c90da } from '../../../components/ingest/MappingPreview'
import { TemplateDownload as TemplateDownload_7cefd4ac38cbb9134b748fb8b2daf51a } from '../../../components/ingest/TemplateDownload'
import { RunConnectorButton as RunConnectorButton_9f51f040aa306230baa18d37003aeffd } from '../../../components/scrape/RunConnectorButton'
import { RuleEditor as RuleEditor_3f06e457e9b5c14f73fe1a13e89eb966 } from '../../../components/rules/RuleEditor'
import { TryIt as TryIt_1f01b79d001044915cb8d3a160da86b6 } from '../../../components/rules/TryIt'
import { RotateKeyButton as RotateKeyButton_46bab20104613fb58aa99240b31b9576 } from '../../../components/api/RotateKeyButton'
import { RotateSecretButton as RotateSecretButton_d4c0e4b6ce87311e17111f0f8fcb3d73 } from '../../../components/api/RotateSecretButton'
import { ReplayButton as ReplayButton_e7ebb443cf9f7935a562dea95a4007e4 } from '../../../components/api/ReplayButton'
import { JobProgress as JobProgress_d1a3a19ff6d9793e0ae9b399ee88bccf } from '../../../components/core/JobProgress'
import { AccrueIcon as AccrueIcon_93068588bf2e4217c121c06ff6d64d4d } from '../../../components/home/Brand'
import { AccrueLogo as AccrueLogo_93068588bf2e4217c121c06ff6d64d4d } from '../../../components/home/Brand'
import { DashboardNavLink as DashboardNavLink_f35b2478ecb025b65d3ce5207ea7bffc } from '../../../components/commission/CommissionDashboard/NavLink'
import { NetworkNavLink as NetworkNavLink_8c69e0ce06f267f009c6a527619d1ff8 } from '../../../components/multilevel/NetworkNavLink'
import { RebatesNavLink as RebatesNavLink_49cef9a4bee1d573d1d87bf91b3f0e7e } from '../../../components/rebates/RebatesNavLink'
import { BillpayNavLink as BillpayNavLink_ad885da6ee795ee00d2c3dc7e6baf4e8 } from '../../../components/billpay/BillpayNavLink'
import { DashboardsNavLink as DashboardsNavLink_01b8956ac1c6637cfe281623082d41a1 } from '../../../components/analytics/DashboardsNavLink'
import { WaitingNavLink as WaitingNavLink_97132f396bcaa7cd87a01634861dcbf5 } from '../../../components/proposals/WaitingForMe/NavLink'
import { ReportsNavLink as ReportsNavLink_e5a8d66120a2355fe9464873cc21a71a } from '../../../components/proposals/ProposalReports/NavLink'
import { LoginIntro as LoginIntro_93068588bf2e4217c121c06ff6d64d4d } from '../../../components/home/Brand'
import { OperationsHome as OperationsHome_4b68c4bdf30eea2d0ce9069633c34865 } from '../../../components/home/OperationsHome'
import { CommissionDashboard as CommissionDashboard_e82046ae4d2573ef1a198356647186ee } from '../../../components/commission/CommissionDashboard'
import { NetworkView as NetworkView_bf92ebed54aedd67392cdc116fb0b027 } from '../../../components/multilevel/NetworkView'
import { RebatesView as RebatesView_c2712b5764bae1b4253309408ad5b4e7 } from '../../../components/rebates/RebatesView'
import { BillpayView as BillpayView_ea513d4cf3b06dafbe63f5bdb9a875f1 } from '../../../components/billpay/BillpayView'
import { DashboardsView as DashboardsView_5ecc41417314125b583649b753df1612 } from '../../../components/analytics/DashboardsView'
import { WaitingForMe as WaitingForMe_4d767fb70ccdc608c1b41060fd2724d6 } from '../../../components/proposals/WaitingForMe'
import { ProposalReports as ProposalReports_7ce264df008b1d8efc49b3f2d9af1367 } from '../../../components/proposals/ProposalReports'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/components/core/JobProgress#LinkedJobProgress": LinkedJobProgress_d1a3a19ff6d9793e0ae9b399ee88bccf,
  "/components/ingest/RejectsDownload#RejectsDownload": RejectsDownload_d3a44a94f09961560c5e7b1b4df2faff,
  "/components/reconcile/ReconSummary#ReconSummary": ReconSummary_13a4f7c5c33dcba3320acaca8fa34c9b,
  "/components/reconcile/RerunButton#RerunButton": RerunButton_1370d5d667478e3108c969c27da1287a,
  "/components/core/JobProgress#StatementsJobProgress": StatementsJobProgress_d1a3a19ff6d9793e0ae9b399ee88bccf,
  "/components/commission/RunSteps#RunSteps": RunSteps_03ca194a6075b2b8aa0525d9a939401d,
  "/components/commission/RunSummary#RunSummary": RunSummary_0827ee8558472e82db98fd284bcd4d7c,
  "/components/commission/CommissionRunActions#CommissionRunActions": CommissionRunActions_0af5e0b0c87dbc978bd99c29c3c5973e,
  "/components/commission/WhyThisAmount#WhyThisAmount": WhyThisAmount_0ca95f71ee759d0f36ef1132166b5a74,
  "/components/commission/StatementDownloads#StatementDownloads": StatementDownloads_6c94111edb28ac775494ce2e6b9407ad,
  "/components/payments/PaymentBatchActions#PaymentBatchActions": PaymentBatchActions_9a8080346f763f4331ac2f9128d0d2fc,
  "/components/proposals/ProposalActions#ProposalActions": ProposalActions_ba3e18d8c3b6405291212c3fc9b93821,
  "/components/proposals/ProposalHistory#ProposalHistory": ProposalHistory_85cec86be0c0f114d61cc67c5f6a9b03,
  "/components/payments/PayeeLedger#PayeeLedger": PayeeLedger_904bacb1fa3215c7186766b7d5d56eb5,
  "/components/multilevel/PipelineWizard#PipelineWizard": PipelineWizard_8408dc3d62c62a3855743174c114f3ab,
  "/components/billpay/OpenReviewLink#OpenReviewLink": OpenReviewLink_1734370a60d0a81b6888216c915b323f,
  "/components/support/TicketActions#TicketActions": TicketActions_a9e46e0fd72f0a67f35fa0c8857780a5,
  "/components/ingest/MappingPreview#MappingPreview": MappingPreview_a8d583e4ef84e2140265b4cd612c90da,
  "/components/ingest/TemplateDownload#TemplateDownload": TemplateDownload_7cefd4ac38cbb9134b748fb8b2daf51a,
  "/components/scrape/RunConnectorButton#RunConnectorButton": RunConnectorButton_9f51f040aa306230baa18d37003aeffd,
  "/components/rules/RuleEditor#RuleEditor": RuleEditor_3f06e457e9b5c14f73fe1a13e89eb966,
  "/components/rules/TryIt#TryIt": TryIt_1f01b79d001044915cb8d3a160da86b6,
  "/components/api/RotateKeyButton#RotateKeyButton": RotateKeyButton_46bab20104613fb58aa99240b31b9576,
  "/components/api/RotateSecretButton#RotateSecretButton": RotateSecretButton_d4c0e4b6ce87311e17111f0f8fcb3d73,
  "/components/api/ReplayButton#ReplayButton": ReplayButton_e7ebb443cf9f7935a562dea95a4007e4,
  "/components/core/JobProgress#JobProgress": JobProgress_d1a3a19ff6d9793e0ae9b399ee88bccf,
  "/components/home/Brand#AccrueIcon": AccrueIcon_93068588bf2e4217c121c06ff6d64d4d,
  "/components/home/Brand#AccrueLogo": AccrueLogo_93068588bf2e4217c121c06ff6d64d4d,
  "/components/commission/CommissionDashboard/NavLink#DashboardNavLink": DashboardNavLink_f35b2478ecb025b65d3ce5207ea7bffc,
  "/components/multilevel/NetworkNavLink#NetworkNavLink": NetworkNavLink_8c69e0ce06f267f009c6a527619d1ff8,
  "/components/rebates/RebatesNavLink#RebatesNavLink": RebatesNavLink_49cef9a4bee1d573d1d87bf91b3f0e7e,
  "/components/billpay/BillpayNavLink#BillpayNavLink": BillpayNavLink_ad885da6ee795ee00d2c3dc7e6baf4e8,
  "/components/analytics/DashboardsNavLink#DashboardsNavLink": DashboardsNavLink_01b8956ac1c6637cfe281623082d41a1,
  "/components/proposals/WaitingForMe/NavLink#WaitingNavLink": WaitingNavLink_97132f396bcaa7cd87a01634861dcbf5,
  "/components/proposals/ProposalReports/NavLink#ReportsNavLink": ReportsNavLink_e5a8d66120a2355fe9464873cc21a71a,
  "/components/home/Brand#LoginIntro": LoginIntro_93068588bf2e4217c121c06ff6d64d4d,
  "/components/home/OperationsHome#OperationsHome": OperationsHome_4b68c4bdf30eea2d0ce9069633c34865,
  "/components/commission/CommissionDashboard#CommissionDashboard": CommissionDashboard_e82046ae4d2573ef1a198356647186ee,
  "/components/multilevel/NetworkView#NetworkView": NetworkView_bf92ebed54aedd67392cdc116fb0b027,
  "/components/rebates/RebatesView#RebatesView": RebatesView_c2712b5764bae1b4253309408ad5b4e7,
  "/components/billpay/BillpayView#BillpayView": BillpayView_ea513d4cf3b06dafbe63f5bdb9a875f1,
  "/components/analytics/DashboardsView#DashboardsView": DashboardsView_5ecc41417314125b583649b753df1612,
  "/components/proposals/WaitingForMe#WaitingForMe": WaitingForMe_4d767fb70ccdc608c1b41060fd2724d6,
  "/components/proposals/ProposalReports#ProposalReports": ProposalReports_7ce264df008b1d8efc49b3f2d9af1367,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
