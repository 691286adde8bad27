import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_schedules_task" ADD VALUE 'commissionRun';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "schedules" ALTER COLUMN "task" SET DATA TYPE text;
  DROP TYPE "public"."enum_schedules_task";
  CREATE TYPE "public"."enum_schedules_task" AS ENUM('verifyNetwork', 'scrapeCarrier');
  ALTER TABLE "schedules" ALTER COLUMN "task" SET DATA TYPE "public"."enum_schedules_task" USING "task"::"public"."enum_schedules_task";`)
}
