import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_rule_sets_purpose" AS ENUM('commission_amount');
  CREATE TYPE "public"."enum_rule_versions_status" AS ENUM('draft', 'submitted', 'approved', 'retired');
  ALTER TYPE "public"."enum_commission_lines_component" ADD VALUE 'rule_amount' BEFORE 'residual';
  ALTER TYPE "public"."enum_commission_evaluations_component" ADD VALUE 'rule_amount' BEFORE 'residual';
  CREATE TABLE "plan_versions_blocks_rule_amount" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"rule_set_id" integer NOT NULL,
  	"block_name" varchar
  );
  
  CREATE TABLE "rule_sets" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"purpose" "enum_rule_sets_purpose" NOT NULL,
  	"description" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "rule_versions_test_cases" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"inputs" jsonb,
  	"expected" jsonb
  );
  
  CREATE TABLE "rule_versions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"rule_set_id" integer NOT NULL,
  	"version" numeric,
  	"effective_from" date,
  	"status" "enum_rule_versions_status" DEFAULT 'draft' NOT NULL,
  	"content" jsonb NOT NULL,
  	"test_results" jsonb,
  	"last_edited_by_id" integer,
  	"submitted_by_id" integer,
  	"submitted_at" timestamp(3) with time zone,
  	"approved_by_id" integer,
  	"approved_at" timestamp(3) with time zone,
  	"retired_at" timestamp(3) with time zone,
  	"notes" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "plan_versions_blocks_rule_amount" ADD CONSTRAINT "plan_versions_blocks_rule_amount_rule_set_id_rule_sets_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."rule_sets"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "plan_versions_blocks_rule_amount" ADD CONSTRAINT "plan_versions_blocks_rule_amount_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."plan_versions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "rule_versions_test_cases" ADD CONSTRAINT "rule_versions_test_cases_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."rule_versions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "rule_versions" ADD CONSTRAINT "rule_versions_rule_set_id_rule_sets_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."rule_sets"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rule_versions" ADD CONSTRAINT "rule_versions_last_edited_by_id_users_id_fk" FOREIGN KEY ("last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rule_versions" ADD CONSTRAINT "rule_versions_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rule_versions" ADD CONSTRAINT "rule_versions_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "plan_versions_blocks_rule_amount_order_idx" ON "plan_versions_blocks_rule_amount" USING btree ("_order");
  CREATE INDEX "plan_versions_blocks_rule_amount_parent_id_idx" ON "plan_versions_blocks_rule_amount" USING btree ("_parent_id");
  CREATE INDEX "plan_versions_blocks_rule_amount_path_idx" ON "plan_versions_blocks_rule_amount" USING btree ("_path");
  CREATE INDEX "plan_versions_blocks_rule_amount_rule_set_idx" ON "plan_versions_blocks_rule_amount" USING btree ("rule_set_id");
  CREATE UNIQUE INDEX "rule_sets_name_idx" ON "rule_sets" USING btree ("name");
  CREATE INDEX "rule_sets_updated_at_idx" ON "rule_sets" USING btree ("updated_at");
  CREATE INDEX "rule_sets_created_at_idx" ON "rule_sets" USING btree ("created_at");
  CREATE INDEX "rule_versions_test_cases_order_idx" ON "rule_versions_test_cases" USING btree ("_order");
  CREATE INDEX "rule_versions_test_cases_parent_id_idx" ON "rule_versions_test_cases" USING btree ("_parent_id");
  CREATE INDEX "rule_versions_rule_set_idx" ON "rule_versions" USING btree ("rule_set_id");
  CREATE INDEX "rule_versions_last_edited_by_idx" ON "rule_versions" USING btree ("last_edited_by_id");
  CREATE INDEX "rule_versions_submitted_by_idx" ON "rule_versions" USING btree ("submitted_by_id");
  CREATE INDEX "rule_versions_approved_by_idx" ON "rule_versions" USING btree ("approved_by_id");
  CREATE INDEX "rule_versions_updated_at_idx" ON "rule_versions" USING btree ("updated_at");
  CREATE INDEX "rule_versions_created_at_idx" ON "rule_versions" USING btree ("created_at");
  CREATE UNIQUE INDEX "ruleSet_version_idx" ON "rule_versions" USING btree ("rule_set_id","version");`)
  // Written by hand (Payload has no partial indexes): two approved versions of a set never start on the same day, so
  // the version in force on a date is never ambiguous. The approval hook refuses it first with a clear message.
  await db.execute(sql`
  CREATE UNIQUE INDEX "rule_versions_one_approved_per_day_idx" ON "rule_versions" USING btree ("rule_set_id","effective_from") WHERE "status" = 'approved';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "plan_versions_blocks_rule_amount" CASCADE;
  DROP TABLE "rule_sets" CASCADE;
  DROP TABLE "rule_versions_test_cases" CASCADE;
  DROP TABLE "rule_versions" CASCADE;
  ALTER TABLE "commission_lines" ALTER COLUMN "component" SET DATA TYPE text;
  DROP TYPE "public"."enum_commission_lines_component";
  CREATE TYPE "public"."enum_commission_lines_component" AS ENUM('upfront', 'volume_bonus', 'plan_change', 'residual', 'chargeback', 'override', 'proposal_commission', 'advertising', 'note');
  ALTER TABLE "commission_lines" ALTER COLUMN "component" SET DATA TYPE "public"."enum_commission_lines_component" USING "component"::"public"."enum_commission_lines_component";
  ALTER TABLE "commission_evaluations" ALTER COLUMN "component" SET DATA TYPE text;
  DROP TYPE "public"."enum_commission_evaluations_component";
  CREATE TYPE "public"."enum_commission_evaluations_component" AS ENUM('upfront', 'volume_bonus', 'plan_change', 'residual', 'chargeback', 'override', 'proposal_commission', 'advertising');
  ALTER TABLE "commission_evaluations" ALTER COLUMN "component" SET DATA TYPE "public"."enum_commission_evaluations_component" USING "component"::"public"."enum_commission_evaluations_component";
  DROP TYPE "public"."enum_rule_sets_purpose";
  DROP TYPE "public"."enum_rule_versions_status";`)
}
