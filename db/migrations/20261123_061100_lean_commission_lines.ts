import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Commission lines are written in bulk by runs (a million rows for a large month, replaced on every re-run of an
 * open period). As for reconciliation lines, the foreign keys and per-column indexes Payload would give them cost
 * more than the calculation; a run writes lines only from rows it has just read in the same transaction, and the
 * referenced rows are never deleted through the API. Lines keep their primary key, the (run, payee) index that
 * statements, re-runs and row-level reads use, and a small partial index that finds earlier chargebacks of a sale.
 *
 * `payment_items` records which payment paid each line. Its primary key is the line: a line can be paid once,
 * whatever runs the payment step, however often.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    ALTER TABLE commission_lines DROP CONSTRAINT IF EXISTS commission_lines_run_id_commission_runs_id_fk;
    ALTER TABLE commission_lines DROP CONSTRAINT IF EXISTS commission_lines_period_id_commission_periods_id_fk;
    ALTER TABLE commission_lines DROP CONSTRAINT IF EXISTS commission_lines_payee_id_participants_id_fk;
    ALTER TABLE commission_lines DROP CONSTRAINT IF EXISTS commission_lines_sale_id_dealer_sales_id_fk;
    ALTER TABLE commission_lines DROP CONSTRAINT IF EXISTS commission_lines_carrier_record_id_carrier_records_id_fk;
    ALTER TABLE commission_lines DROP CONSTRAINT IF EXISTS commission_lines_from_participant_id_participants_id_fk;
    ALTER TABLE commission_lines DROP CONSTRAINT IF EXISTS commission_lines_note_id_commission_notes_id_fk;
    ALTER TABLE commission_lines DROP CONSTRAINT IF EXISTS commission_lines_plan_version_id_plan_versions_id_fk;
    ALTER TABLE commission_lines DROP CONSTRAINT IF EXISTS commission_lines_evaluation_id_commission_evaluations_id_fk;
    DROP INDEX IF EXISTS commission_lines_run_idx;
    DROP INDEX IF EXISTS commission_lines_period_idx;
    DROP INDEX IF EXISTS commission_lines_payee_idx;
    DROP INDEX IF EXISTS commission_lines_sale_idx;
    DROP INDEX IF EXISTS commission_lines_carrier_record_idx;
    DROP INDEX IF EXISTS commission_lines_from_participant_idx;
    DROP INDEX IF EXISTS commission_lines_note_idx;
    DROP INDEX IF EXISTS commission_lines_plan_version_idx;
    DROP INDEX IF EXISTS commission_lines_evaluation_idx;
    CREATE INDEX commission_lines_chargeback_sale_idx ON commission_lines (sale_id) WHERE component = 'chargeback';
    CREATE TABLE payment_items (
      line_id integer PRIMARY KEY,
      payment_id integer NOT NULL REFERENCES payments(id) ON DELETE RESTRICT,
      batch_id integer NOT NULL REFERENCES payment_batches(id) ON DELETE RESTRICT
    );
    CREATE INDEX payment_items_payment_idx ON payment_items (payment_id);
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    DROP TABLE IF EXISTS payment_items;
    DROP INDEX IF EXISTS commission_lines_chargeback_sale_idx;
    CREATE INDEX commission_lines_run_idx ON commission_lines (run_id);
    CREATE INDEX commission_lines_payee_idx ON commission_lines (payee_id);
    CREATE INDEX commission_lines_sale_idx ON commission_lines (sale_id);
    ALTER TABLE commission_lines ADD CONSTRAINT commission_lines_run_id_commission_runs_id_fk FOREIGN KEY (run_id) REFERENCES commission_runs(id) ON DELETE SET NULL;
    ALTER TABLE commission_lines ADD CONSTRAINT commission_lines_payee_id_participants_id_fk FOREIGN KEY (payee_id) REFERENCES participants(id) ON DELETE SET NULL;
  `)
}
