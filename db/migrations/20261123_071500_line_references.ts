import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Holds and notes may point at a commission line, but only at a line of a locked run (checked when they are saved),
 * which is never deleted. The foreign keys Payload gave those references made every re-run of an open period check
 * each deleted line against both tables (13.8 s for a million lines, measured by the commission bench) and would have
 * silently detached a hold from its line; they are dropped, and the references are checked by the hooks instead.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    ALTER TABLE commission_holds DROP CONSTRAINT IF EXISTS commission_holds_line_id_commission_lines_id_fk;
    ALTER TABLE commission_notes DROP CONSTRAINT IF EXISTS commission_notes_corrects_line_id_commission_lines_id_fk;
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    ALTER TABLE commission_holds ADD CONSTRAINT commission_holds_line_id_commission_lines_id_fk FOREIGN KEY (line_id) REFERENCES commission_lines(id) ON DELETE SET NULL;
    ALTER TABLE commission_notes ADD CONSTRAINT commission_notes_corrects_line_id_commission_lines_id_fk FOREIGN KEY (corrects_line_id) REFERENCES commission_lines(id) ON DELETE SET NULL;
  `)
}
