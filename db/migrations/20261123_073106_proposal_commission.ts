/*
 * Commission lines keep no foreign keys or per-column indexes (see 20261123_061100_lean_commission_lines): the
 * billing line and rule references of proposal commissions are plain columns, written only by runs.
 */
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_commission_lines_component" ADD VALUE 'proposal_commission' BEFORE 'note';
  ALTER TYPE "public"."enum_commission_lines_component" ADD VALUE 'advertising' BEFORE 'note';
  ALTER TYPE "public"."enum_commission_evaluations_component" ADD VALUE 'proposal_commission';
  ALTER TYPE "public"."enum_commission_evaluations_component" ADD VALUE 'advertising';
  CREATE TABLE "plan_versions_blocks_proposal_commission" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"notes" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "plan_versions_blocks_advertising" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"notes" varchar,
  	"block_name" varchar
  );
  
  ALTER TABLE "commission_lines" ADD COLUMN "billing_line_id" integer;
  ALTER TABLE "commission_lines" ADD COLUMN "rule_id" integer;
  ALTER TABLE "plan_versions_blocks_proposal_commission" ADD CONSTRAINT "plan_versions_blocks_proposal_commission_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."plan_versions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "plan_versions_blocks_advertising" ADD CONSTRAINT "plan_versions_blocks_advertising_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."plan_versions"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "plan_versions_blocks_proposal_commission_order_idx" ON "plan_versions_blocks_proposal_commission" USING btree ("_order");
  CREATE INDEX "plan_versions_blocks_proposal_commission_parent_id_idx" ON "plan_versions_blocks_proposal_commission" USING btree ("_parent_id");
  CREATE INDEX "plan_versions_blocks_proposal_commission_path_idx" ON "plan_versions_blocks_proposal_commission" USING btree ("_path");
  CREATE INDEX "plan_versions_blocks_advertising_order_idx" ON "plan_versions_blocks_advertising" USING btree ("_order");
  CREATE INDEX "plan_versions_blocks_advertising_parent_id_idx" ON "plan_versions_blocks_advertising" USING btree ("_parent_id");
  CREATE INDEX "plan_versions_blocks_advertising_path_idx" ON "plan_versions_blocks_advertising" USING btree ("_path");
`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "plan_versions_blocks_proposal_commission" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "plan_versions_blocks_advertising" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "plan_versions_blocks_proposal_commission" CASCADE;
  DROP TABLE "plan_versions_blocks_advertising" CASCADE;
  
  
  ALTER TABLE "commission_lines" ALTER COLUMN "component" SET DATA TYPE text;
  DROP TYPE "public"."enum_commission_lines_component";
  CREATE TYPE "public"."enum_commission_lines_component" AS ENUM('upfront', 'volume_bonus', 'plan_change', 'residual', 'chargeback', 'override', 'note');
  ALTER TABLE "commission_lines" ALTER COLUMN "component" SET DATA TYPE "public"."enum_commission_lines_component" USING "component"::"public"."enum_commission_lines_component";
  ALTER TABLE "commission_evaluations" ALTER COLUMN "component" SET DATA TYPE text;
  DROP TYPE "public"."enum_commission_evaluations_component";
  CREATE TYPE "public"."enum_commission_evaluations_component" AS ENUM('upfront', 'volume_bonus', 'plan_change', 'residual', 'chargeback', 'override');
  ALTER TABLE "commission_evaluations" ALTER COLUMN "component" SET DATA TYPE "public"."enum_commission_evaluations_component" USING "component"::"public"."enum_commission_evaluations_component";
  ALTER TABLE "commission_lines" DROP COLUMN "billing_line_id";
  ALTER TABLE "commission_lines" DROP COLUMN "rule_id";`)
}
