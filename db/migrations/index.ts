import * as migration_20261123_005651_initial from './20261123_005651_initial';
import * as migration_20261123_005652_network_constraints from './20261123_005652_network_constraints';
import * as migration_20261123_023202_schedule_slot_history from './20261123_023202_schedule_slot_history';
import * as migration_20261123_024258_no_document_locking from './20261123_024258_no_document_locking';
import * as migration_20261123_032552_telecom_data from './20261123_032552_telecom_data';
import * as migration_20261123_040500_lean_reconciliation_tables from './20261123_040500_lean_reconciliation_tables';
import * as migration_20261123_050454_carrier_portals from './20261123_050454_carrier_portals';
import * as migration_20261123_061048_commission_engine from './20261123_061048_commission_engine';
import * as migration_20261123_061100_lean_commission_lines from './20261123_061100_lean_commission_lines';
import * as migration_20261123_071500_line_references from './20261123_071500_line_references';
import * as migration_20261123_072109_proposals from './20261123_072109_proposals';
import * as migration_20261123_072315_rules_and_advertising from './20261123_072315_rules_and_advertising';
import * as migration_20261123_072606_billing_lines from './20261123_072606_billing_lines';
import * as migration_20261123_073106_proposal_commission from './20261123_073106_proposal_commission';
import * as migration_20261123_075157_schedulable_commission_run from './20261123_075157_schedulable_commission_run';
import * as migration_20261123_083721_statement_summary from './20261123_083721_statement_summary';
import * as migration_20261123_090343_waiting_for_name from './20261123_090343_waiting_for_name';
import * as migration_20261205_160000_login_throttle from './20261205_160000_login_throttle';
import * as migration_20261205_213156_discrepancy_detail_and_dealer_dispute from './20261205_213156_discrepancy_detail_and_dealer_dispute';
import * as migration_20261205_213844_mapping_value_translations_and_footers from './20261205_213844_mapping_value_translations_and_footers';
import * as migration_20261206_001157_rule_sets_and_versions from './20261206_001157_rule_sets_and_versions';
import * as migration_20261206_001546_rule_amount from './20261206_001546_rule_amount';
import * as migration_20261206_030609_network_commissions from './20261206_030609_network_commissions';
import * as migration_20261206_034102_network_pipeline_schedules from './20261206_034102_network_pipeline_schedules';
import * as migration_20261206_040553_pipeline_type_calendar from './20261206_040553_pipeline_type_calendar';
import * as migration_20261206_062303_rebates from './20261206_062303_rebates';
import * as migration_20261206_064008_rebate_program_audience from './20261206_064008_rebate_program_audience';
import * as migration_20261206_070548_rebate_claim_line_pairs from './20261206_070548_rebate_claim_line_pairs';
import * as migration_20261206_093829_billpay from './20261206_093829_billpay';
import * as migration_20261206_095515_billpay_jobs from './20261206_095515_billpay_jobs';
import * as migration_20261206_103000_billpay_resend from './20261206_103000_billpay_resend';
import * as migration_20261206_124139_loyalty_support_analytics from './20261206_124139_loyalty_support_analytics';
import * as migration_20261206_124330_ticket_import from './20261206_124330_ticket_import';
import * as migration_20261206_131025_loyalty_jobs from './20261206_131025_loyalty_jobs';
import * as migration_20261206_192536_api_integrations from './20261206_192536_api_integrations';
import * as migration_20261206_192600_api_idempotency from './20261206_192600_api_idempotency';
import * as migration_20261206_203319_commission_lines_period_component from './20261206_203319_commission_lines_period_component';

export const migrations = [
  {
    up: migration_20261123_005651_initial.up,
    down: migration_20261123_005651_initial.down,
    name: '20261123_005651_initial',
  },
  {
    up: migration_20261123_005652_network_constraints.up,
    down: migration_20261123_005652_network_constraints.down,
    name: '20261123_005652_network_constraints',
  },
  {
    up: migration_20261123_023202_schedule_slot_history.up,
    down: migration_20261123_023202_schedule_slot_history.down,
    name: '20261123_023202_schedule_slot_history',
  },
  {
    up: migration_20261123_024258_no_document_locking.up,
    down: migration_20261123_024258_no_document_locking.down,
    name: '20261123_024258_no_document_locking',
  },
  {
    up: migration_20261123_032552_telecom_data.up,
    down: migration_20261123_032552_telecom_data.down,
    name: '20261123_032552_telecom_data',
  },
  {
    up: migration_20261123_040500_lean_reconciliation_tables.up,
    down: migration_20261123_040500_lean_reconciliation_tables.down,
    name: '20261123_040500_lean_reconciliation_tables',
  },
  {
    up: migration_20261123_050454_carrier_portals.up,
    down: migration_20261123_050454_carrier_portals.down,
    name: '20261123_050454_carrier_portals',
  },
  {
    up: migration_20261123_061048_commission_engine.up,
    down: migration_20261123_061048_commission_engine.down,
    name: '20261123_061048_commission_engine',
  },
  {
    up: migration_20261123_061100_lean_commission_lines.up,
    down: migration_20261123_061100_lean_commission_lines.down,
    name: '20261123_061100_lean_commission_lines',
  },
  {
    up: migration_20261123_071500_line_references.up,
    down: migration_20261123_071500_line_references.down,
    name: '20261123_071500_line_references',
  },
  {
    up: migration_20261123_072109_proposals.up,
    down: migration_20261123_072109_proposals.down,
    name: '20261123_072109_proposals',
  },
  {
    up: migration_20261123_072315_rules_and_advertising.up,
    down: migration_20261123_072315_rules_and_advertising.down,
    name: '20261123_072315_rules_and_advertising',
  },
  {
    up: migration_20261123_072606_billing_lines.up,
    down: migration_20261123_072606_billing_lines.down,
    name: '20261123_072606_billing_lines',
  },
  {
    up: migration_20261123_073106_proposal_commission.up,
    down: migration_20261123_073106_proposal_commission.down,
    name: '20261123_073106_proposal_commission',
  },
  {
    up: migration_20261123_075157_schedulable_commission_run.up,
    down: migration_20261123_075157_schedulable_commission_run.down,
    name: '20261123_075157_schedulable_commission_run',
  },
  {
    up: migration_20261123_083721_statement_summary.up,
    down: migration_20261123_083721_statement_summary.down,
    name: '20261123_083721_statement_summary',
  },
  {
    up: migration_20261123_090343_waiting_for_name.up,
    down: migration_20261123_090343_waiting_for_name.down,
    name: '20261123_090343_waiting_for_name',
  },
  {
    up: migration_20261205_160000_login_throttle.up,
    down: migration_20261205_160000_login_throttle.down,
    name: '20261205_160000_login_throttle',
  },
  {
    up: migration_20261205_213156_discrepancy_detail_and_dealer_dispute.up,
    down: migration_20261205_213156_discrepancy_detail_and_dealer_dispute.down,
    name: '20261205_213156_discrepancy_detail_and_dealer_dispute',
  },
  {
    up: migration_20261205_213844_mapping_value_translations_and_footers.up,
    down: migration_20261205_213844_mapping_value_translations_and_footers.down,
    name: '20261205_213844_mapping_value_translations_and_footers',
  },
  {
    up: migration_20261206_001157_rule_sets_and_versions.up,
    down: migration_20261206_001157_rule_sets_and_versions.down,
    name: '20261206_001157_rule_sets_and_versions',
  },
  {
    up: migration_20261206_001546_rule_amount.up,
    down: migration_20261206_001546_rule_amount.down,
    name: '20261206_001546_rule_amount',
  },
  {
    up: migration_20261206_030609_network_commissions.up,
    down: migration_20261206_030609_network_commissions.down,
    name: '20261206_030609_network_commissions',
  },
  {
    up: migration_20261206_034102_network_pipeline_schedules.up,
    down: migration_20261206_034102_network_pipeline_schedules.down,
    name: '20261206_034102_network_pipeline_schedules',
  },
  {
    up: migration_20261206_040553_pipeline_type_calendar.up,
    down: migration_20261206_040553_pipeline_type_calendar.down,
    name: '20261206_040553_pipeline_type_calendar',
  },
  {
    up: migration_20261206_062303_rebates.up,
    down: migration_20261206_062303_rebates.down,
    name: '20261206_062303_rebates',
  },
  {
    up: migration_20261206_064008_rebate_program_audience.up,
    down: migration_20261206_064008_rebate_program_audience.down,
    name: '20261206_064008_rebate_program_audience',
  },
  {
    up: migration_20261206_070548_rebate_claim_line_pairs.up,
    down: migration_20261206_070548_rebate_claim_line_pairs.down,
    name: '20261206_070548_rebate_claim_line_pairs',
  },
  {
    up: migration_20261206_093829_billpay.up,
    down: migration_20261206_093829_billpay.down,
    name: '20261206_093829_billpay',
  },
  {
    up: migration_20261206_095515_billpay_jobs.up,
    down: migration_20261206_095515_billpay_jobs.down,
    name: '20261206_095515_billpay_jobs',
  },
  {
    up: migration_20261206_103000_billpay_resend.up,
    down: migration_20261206_103000_billpay_resend.down,
    name: '20261206_103000_billpay_resend',
  },
  {
    up: migration_20261206_124139_loyalty_support_analytics.up,
    down: migration_20261206_124139_loyalty_support_analytics.down,
    name: '20261206_124139_loyalty_support_analytics',
  },
  {
    up: migration_20261206_124330_ticket_import.up,
    down: migration_20261206_124330_ticket_import.down,
    name: '20261206_124330_ticket_import',
  },
  {
    up: migration_20261206_131025_loyalty_jobs.up,
    down: migration_20261206_131025_loyalty_jobs.down,
    name: '20261206_131025_loyalty_jobs',
  },
  {
    up: migration_20261206_192536_api_integrations.up,
    down: migration_20261206_192536_api_integrations.down,
    name: '20261206_192536_api_integrations',
  },
  {
    up: migration_20261206_192600_api_idempotency.up,
    down: migration_20261206_192600_api_idempotency.down,
    name: '20261206_192600_api_idempotency',
  },
  {
    up: migration_20261206_203319_commission_lines_period_component.up,
    down: migration_20261206_203319_commission_lines_period_component.down,
    name: '20261206_203319_commission_lines_period_component'
  },
];
