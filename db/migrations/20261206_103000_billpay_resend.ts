import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * A rejected invoice no longer holds its account and number: the carrier's corrected resend of an invoice a reviewer
 * rejected is read as a new invoice, not refused as a duplicate of the rejected one.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    DROP INDEX IF EXISTS "carrier_invoices_account_number_live_idx";
    CREATE UNIQUE INDEX "carrier_invoices_account_number_live_idx" ON "carrier_invoices" ("account_id", "invoice_number")
      WHERE "duplicate_of_id" IS NULL AND "account_id" IS NOT NULL AND "invoice_number" IS NOT NULL AND "status" <> 'rejected';
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    DROP INDEX IF EXISTS "carrier_invoices_account_number_live_idx";
    CREATE UNIQUE INDEX "carrier_invoices_account_number_live_idx" ON "carrier_invoices" ("account_id", "invoice_number")
      WHERE "duplicate_of_id" IS NULL AND "account_id" IS NOT NULL AND "invoice_number" IS NOT NULL;
  `)
}
