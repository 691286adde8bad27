import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Guarantees the schema holds by itself, whatever code writes to it:
 * - the network has at most one root;
 * - "X's subtree" (`path` contains `/X/`) is answered from a trigram index, not a scan;
 * - the audit trail is append-only: UPDATE, DELETE and TRUNCATE on audit_events are refused by the database.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE UNIQUE INDEX IF NOT EXISTS participants_single_root ON participants ((true)) WHERE parent_id IS NULL;
    CREATE INDEX IF NOT EXISTS participants_path_trgm ON participants USING gin (path gin_trgm_ops);

    CREATE OR REPLACE FUNCTION accrue_refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'the audit trail is append-only: % on audit_events is refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION accrue_refuse_audit_change();
    CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION accrue_refuse_audit_change();
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events;
    DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events;
    DROP FUNCTION IF EXISTS accrue_refuse_audit_change();
    DROP INDEX IF EXISTS participants_path_trgm;
    DROP INDEX IF EXISTS participants_single_root;
  `)
}
