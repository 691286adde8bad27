import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "rebate_programs" ADD COLUMN "audience" varchar DEFAULT '*';
  CREATE INDEX "rebate_programs_audience_idx" ON "rebate_programs" USING btree ("audience");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "rebate_programs_audience_idx";
  ALTER TABLE "rebate_programs" DROP COLUMN "audience";`)
}
