import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * A reconciliation writes one line per sale and per unclaimed carrier record (a million rows for a large month,
 * replaced on every re-run) and one discrepancy per line that is not a clean match. Payload gives each relationship
 * column a foreign key and an index; on these two tables they cost more than the rest of the run together
 * (measured with `npm run bench -- reconcile --explain`), and the run guarantees what they would: it writes rows only
 * from rows it has just read in the same transaction, and facts, runs and schedules are never deleted through the
 * API. Lines keep only their primary key: a run reads and replaces its own lines in bulk (a sequential scan of a
 * million narrow rows is a fraction of a second), and each index would add seconds to every run. Discrepancies keep
 * the unique key, run, dealer (row-level access), status, creation date and the owner's foreign key (owners are set
 * by people).
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
    DROP INDEX IF EXISTS reconciliation_lines_sale_idx;
    DROP INDEX IF EXISTS "run_reconClass_idx";
    ALTER TABLE discrepancies DROP CONSTRAINT IF EXISTS discrepancies_run_id_reconciliation_runs_id_fk;
    ALTER TABLE discrepancies DROP CONSTRAINT IF EXISTS discrepancies_sale_id_dealer_sales_id_fk;
    ALTER TABLE discrepancies DROP CONSTRAINT IF EXISTS discrepancies_carrier_record_id_carrier_records_id_fk;
    ALTER TABLE discrepancies DROP CONSTRAINT IF EXISTS discrepancies_dealer_id_participants_id_fk;
    DROP INDEX IF EXISTS discrepancies_sale_idx;
    DROP INDEX IF EXISTS discrepancies_carrier_record_idx;
    DROP INDEX IF EXISTS discrepancies_owner_idx;
    DROP INDEX IF EXISTS discrepancies_updated_at_idx;
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
    CREATE INDEX reconciliation_lines_sale_idx ON reconciliation_lines (sale_id);
    CREATE INDEX "run_reconClass_idx" ON reconciliation_lines (run_id, recon_class);
    ALTER TABLE discrepancies ADD CONSTRAINT discrepancies_run_id_reconciliation_runs_id_fk FOREIGN KEY (run_id) REFERENCES reconciliation_runs(id) ON DELETE SET NULL;
    ALTER TABLE discrepancies ADD CONSTRAINT discrepancies_sale_id_dealer_sales_id_fk FOREIGN KEY (sale_id) REFERENCES dealer_sales(id) ON DELETE SET NULL;
    ALTER TABLE discrepancies ADD CONSTRAINT discrepancies_carrier_record_id_carrier_records_id_fk FOREIGN KEY (carrier_record_id) REFERENCES carrier_records(id) ON DELETE SET NULL;
    ALTER TABLE discrepancies ADD CONSTRAINT discrepancies_dealer_id_participants_id_fk FOREIGN KEY (dealer_id) REFERENCES participants(id) ON DELETE SET NULL;
    CREATE INDEX discrepancies_sale_idx ON discrepancies (sale_id);
    CREATE INDEX discrepancies_carrier_record_idx ON discrepancies (carrier_record_id);
    CREATE INDEX discrepancies_owner_idx ON discrepancies (owner_id);
    CREATE INDEX discrepancies_updated_at_idx ON discrepancies (updated_at);
  `)
}
