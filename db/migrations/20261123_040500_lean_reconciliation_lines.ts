import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * A reconciliation writes one line per sale and per unclaimed carrier record: a million rows for a large month,
 * replaced on every re-run. Payload gives each relationship column a foreign key and an index; on this table they
 * cost more than the rest of the run together, and the run guarantees what they would: it writes lines only from
 * rows it has just read in the same transaction, and facts, runs and schedules are never deleted through the API.
 * Kept: the (run, class) index for browsing a run and the sale index for "which run verified this sale".
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    ALTER TABLE reconciliation_lines DROP CONSTRAINT IF EXISTS reconciliation_lines_run_id_reconciliation_runs_id_fk;
    ALTER TABLE reconciliation_lines DROP CONSTRAINT IF EXISTS reconciliation_lines_sale_id_dealer_sales_id_fk;
    ALTER TABLE reconciliation_lines DROP CONSTRAINT IF EXISTS reconciliation_lines_carrier_record_id_carrier_records_id_fk;
    ALTER TABLE reconciliation_lines DROP CONSTRAINT IF EXISTS reconciliation_lines_dealer_id_participants_id_fk;
    ALTER TABLE reconciliation_lines DROP CONSTRAINT IF EXISTS reconciliation_lines_schedule_version_id_payout_schedules_id_fk;
    DROP INDEX IF EXISTS reconciliation_lines_run_idx;
    DROP INDEX IF EXISTS reconciliation_lines_carrier_record_idx;
    DROP INDEX IF EXISTS reconciliation_lines_dealer_idx;
    DROP INDEX IF EXISTS reconciliation_lines_schedule_version_idx;
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    ALTER TABLE reconciliation_lines ADD CONSTRAINT reconciliation_lines_run_id_reconciliation_runs_id_fk FOREIGN KEY (run_id) REFERENCES reconciliation_runs(id) ON DELETE SET NULL;
    ALTER TABLE reconciliation_lines ADD CONSTRAINT reconciliation_lines_sale_id_dealer_sales_id_fk FOREIGN KEY (sale_id) REFERENCES dealer_sales(id) ON DELETE SET NULL;
    ALTER TABLE reconciliation_lines ADD CONSTRAINT reconciliation_lines_carrier_record_id_carrier_records_id_fk FOREIGN KEY (carrier_record_id) REFERENCES carrier_records(id) ON DELETE SET NULL;
    ALTER TABLE reconciliation_lines ADD CONSTRAINT reconciliation_lines_dealer_id_participants_id_fk FOREIGN KEY (dealer_id) REFERENCES participants(id) ON DELETE SET NULL;
    ALTER TABLE reconciliation_lines ADD CONSTRAINT reconciliation_lines_schedule_version_id_payout_schedules_id_fk FOREIGN KEY (schedule_version_id) REFERENCES payout_schedules(id) ON DELETE SET NULL;
    CREATE INDEX reconciliation_lines_run_idx ON reconciliation_lines (run_id);
    CREATE INDEX reconciliation_lines_carrier_record_idx ON reconciliation_lines (carrier_record_id);
    CREATE INDEX reconciliation_lines_dealer_idx ON reconciliation_lines (dealer_id);
    CREATE INDEX reconciliation_lines_schedule_version_idx ON reconciliation_lines (schedule_version_id);
  `)
}
