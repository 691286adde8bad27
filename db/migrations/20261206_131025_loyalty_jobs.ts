import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_schedules_task" ADD VALUE 'loyaltyHousekeeping';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'loyaltyHousekeeping';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'loyaltyHousekeeping';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "schedules" ALTER COLUMN "task" SET DATA TYPE text;
  DROP TYPE "public"."enum_schedules_task";
  CREATE TYPE "public"."enum_schedules_task" AS ENUM('verifyNetwork', 'scrapeCarrier', 'commissionRun', 'runPipeline', 'rebateHousekeeping', 'collectInvoices', 'payInvoices');
  ALTER TABLE "schedules" ALTER COLUMN "task" SET DATA TYPE "public"."enum_schedules_task" USING "task"::"public"."enum_schedules_task";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'verifyNetwork', 'runImport', 'reconcile', 'scrapeCarrier', 'commissionRun', 'generateStatements', 'payBatch', 'pipelineStep', 'runPipeline', 'pushCreditMemo', 'rebateHousekeeping', 'collectInvoices', 'processInvoices', 'payInvoices');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'verifyNetwork', 'runImport', 'reconcile', 'scrapeCarrier', 'commissionRun', 'generateStatements', 'payBatch', 'pipelineStep', 'runPipeline', 'pushCreditMemo', 'rebateHousekeeping', 'collectInvoices', 'processInvoices', 'payInvoices');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";`)
}
