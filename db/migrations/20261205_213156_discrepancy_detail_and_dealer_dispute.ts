import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "discrepancies" ADD COLUMN "detail" varchar;
  ALTER TABLE "discrepancies" ADD COLUMN "dealer_disputed_at" timestamp(3) with time zone;
  CREATE INDEX "discrepancies_dealer_disputed_at_idx" ON "discrepancies" USING btree ("dealer_disputed_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "discrepancies_dealer_disputed_at_idx";
  ALTER TABLE "discrepancies" DROP COLUMN "detail";
  ALTER TABLE "discrepancies" DROP COLUMN "dealer_disputed_at";`)
}
