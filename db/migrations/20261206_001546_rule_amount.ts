import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "commission_evaluations" ADD COLUMN "rule_version_id" integer;
  ALTER TABLE "commission_evaluations" ADD COLUMN "fired" jsonb;
  ALTER TABLE "commission_evaluations" ADD CONSTRAINT "commission_evaluations_rule_version_id_rule_versions_id_fk" FOREIGN KEY ("rule_version_id") REFERENCES "public"."rule_versions"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "commission_evaluations_rule_version_idx" ON "commission_evaluations" USING btree ("rule_version_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "commission_evaluations" DROP CONSTRAINT "commission_evaluations_rule_version_id_rule_versions_id_fk";
  
  DROP INDEX "commission_evaluations_rule_version_idx";
  ALTER TABLE "commission_evaluations" DROP COLUMN "rule_version_id";
  ALTER TABLE "commission_evaluations" DROP COLUMN "fired";`)
}
