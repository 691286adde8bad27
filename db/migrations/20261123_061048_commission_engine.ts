import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_participants_dealer_tier" AS ENUM('standard', 'silver', 'gold', 'platinum');
  CREATE TYPE "public"."enum_participants_bank_account_type" AS ENUM('checking', 'savings');
  CREATE TYPE "public"."enum_plan_versions_blocks_upfront_rows_payout" AS ENUM('rebate', 'feature', 'spiff');
  CREATE TYPE "public"."enum_plan_versions_blocks_upfront_rows_activation_type" AS ENUM('new', 'upgrade', 'downgrade', 'port_in', 'feature_add');
  CREATE TYPE "public"."enum_plan_versions_blocks_upfront_rows_dealer_tier" AS ENUM('standard', 'silver', 'gold', 'platinum');
  CREATE TYPE "public"."enum_plan_versions_blocks_volume_bonus_activation_types" AS ENUM('new', 'upgrade', 'downgrade', 'port_in', 'feature_add');
  CREATE TYPE "public"."enum_plan_versions_blocks_volume_bonus_metric" AS ENUM('count', 'revenue');
  CREATE TYPE "public"."enum_plan_versions_blocks_volume_bonus_method" AS ENUM('marginal', 'retroactive');
  CREATE TYPE "public"."enum_plan_versions_status" AS ENUM('draft', 'approved');
  CREATE TYPE "public"."enum_plan_versions_rounding" AS ENUM('half-even', 'half-up', 'half-down', 'up', 'down', 'ceiling', 'floor');
  CREATE TYPE "public"."enum_commission_periods_frequency" AS ENUM('monthly', 'biweekly', 'weekly');
  CREATE TYPE "public"."enum_commission_periods_cycle" AS ENUM('regular', 'advance');
  CREATE TYPE "public"."enum_commission_periods_status" AS ENUM('open', 'locked');
  CREATE TYPE "public"."enum_commission_runs_mode" AS ENUM('post', 'preview');
  CREATE TYPE "public"."enum_commission_runs_status" AS ENUM('queued', 'running', 'awaiting_approval', 'previewed', 'approved', 'locked', 'failed');
  CREATE TYPE "public"."enum_commission_lines_component" AS ENUM('upfront', 'volume_bonus', 'plan_change', 'residual', 'chargeback', 'override', 'note');
  CREATE TYPE "public"."enum_commission_evaluations_component" AS ENUM('upfront', 'volume_bonus', 'plan_change', 'residual', 'chargeback', 'override');
  CREATE TYPE "public"."enum_commission_holds_target" AS ENUM('participant', 'sale', 'line');
  CREATE TYPE "public"."enum_commission_holds_status" AS ENUM('active', 'released');
  CREATE TYPE "public"."enum_payment_batches_status" AS ENUM('queued', 'paying', 'ready', 'paid', 'failed');
  CREATE TYPE "public"."enum_payments_status" AS ENUM('pending', 'paid');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'commissionRun';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'generateStatements';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'payBatch';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'commissionRun';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'generateStatements';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'payBatch';
  CREATE TABLE "compensation_plans" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"currency" varchar DEFAULT 'USD' NOT NULL,
  	"active" boolean DEFAULT true,
  	"description" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "plan_versions_blocks_upfront_rows" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"payout" "enum_plan_versions_blocks_upfront_rows_payout" NOT NULL,
  	"carrier_id" integer,
  	"rate_plan_id" integer,
  	"activation_type" "enum_plan_versions_blocks_upfront_rows_activation_type",
  	"dealer_tier" "enum_plan_versions_blocks_upfront_rows_dealer_tier",
  	"feature_code" varchar,
  	"amount" varchar NOT NULL
  );
  
  CREATE TABLE "plan_versions_blocks_upfront" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"block_name" varchar
  );
  
  CREATE TABLE "plan_versions_blocks_volume_bonus_activation_types" (
  	"order" integer NOT NULL,
  	"parent_id" varchar NOT NULL,
  	"value" "enum_plan_versions_blocks_volume_bonus_activation_types",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "plan_versions_blocks_volume_bonus_tiers" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"from" varchar NOT NULL,
  	"to" varchar,
  	"rate" varchar NOT NULL
  );
  
  CREATE TABLE "plan_versions_blocks_volume_bonus" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"metric" "enum_plan_versions_blocks_volume_bonus_metric" DEFAULT 'count' NOT NULL,
  	"method" "enum_plan_versions_blocks_volume_bonus_method" DEFAULT 'marginal' NOT NULL,
  	"block_name" varchar
  );
  
  CREATE TABLE "plan_versions_blocks_plan_change" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"percent" varchar NOT NULL,
  	"block_name" varchar
  );
  
  CREATE TABLE "plan_versions_blocks_residual" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"percent" varchar NOT NULL,
  	"months" numeric NOT NULL,
  	"block_name" varchar
  );
  
  CREATE TABLE "plan_versions_blocks_chargeback" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"percent" varchar NOT NULL,
  	"window_days" numeric,
  	"block_name" varchar
  );
  
  CREATE TABLE "plan_versions_blocks_override_levels" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"level" numeric NOT NULL,
  	"percent" varchar NOT NULL
  );
  
  CREATE TABLE "plan_versions_blocks_override" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"compress" boolean DEFAULT true,
  	"block_name" varchar
  );
  
  CREATE TABLE "plan_versions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"plan_id" integer NOT NULL,
  	"version" numeric,
  	"effective_from" date,
  	"status" "enum_plan_versions_status" DEFAULT 'draft' NOT NULL,
  	"approved_by_id" integer,
  	"approved_at" timestamp(3) with time zone,
  	"rounding" "enum_plan_versions_rounding" DEFAULT 'half-even' NOT NULL,
  	"notes" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "commission_periods" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"label" varchar NOT NULL,
  	"frequency" "enum_commission_periods_frequency" DEFAULT 'monthly' NOT NULL,
  	"cycle" "enum_commission_periods_cycle" DEFAULT 'regular' NOT NULL,
  	"starts_on" date,
  	"ends_on" date,
  	"status" "enum_commission_periods_status" DEFAULT 'open' NOT NULL,
  	"locked_at" timestamp(3) with time zone,
  	"locked_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "commission_runs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"period_id" integer NOT NULL,
  	"plan_id" integer NOT NULL,
  	"mode" "enum_commission_runs_mode" DEFAULT 'post' NOT NULL,
  	"plan_version_id" integer,
  	"status" "enum_commission_runs_status" DEFAULT 'queued',
  	"job" numeric,
  	"statements_job" numeric,
  	"run_count" numeric DEFAULT 0,
  	"last_run_at" timestamp(3) with time zone,
  	"total" numeric(19, 4),
  	"line_count" numeric,
  	"message" varchar,
  	"steps" jsonb,
  	"summary" jsonb,
  	"approved_by_id" integer,
  	"approved_at" timestamp(3) with time zone,
  	"locked_by_id" integer,
  	"locked_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "commission_lines" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"run_id" integer NOT NULL,
  	"period_id" integer NOT NULL,
  	"payee_id" integer NOT NULL,
  	"component" "enum_commission_lines_component" NOT NULL,
  	"amount" numeric(19, 4),
  	"currency" varchar NOT NULL,
  	"held" boolean DEFAULT false,
  	"description" varchar,
  	"sale_id" integer,
  	"carrier_record_id" integer,
  	"from_participant_id" integer,
  	"note_id" integer,
  	"plan_version_id" integer,
  	"evaluation_id" integer
  );
  
  CREATE TABLE "commission_evaluations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"run_id" integer NOT NULL,
  	"component" "enum_commission_evaluations_component" NOT NULL,
  	"plan_version_id" integer,
  	"inputs" jsonb NOT NULL,
  	"detail" jsonb,
  	"exact" varchar,
  	"posted" varchar
  );
  
  CREATE TABLE "commission_holds" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"target" "enum_commission_holds_target" NOT NULL,
  	"participant_id" integer,
  	"sale_id" integer,
  	"line_id" integer,
  	"reason" varchar NOT NULL,
  	"status" "enum_commission_holds_status" DEFAULT 'active' NOT NULL,
  	"released_at" timestamp(3) with time zone,
  	"released_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "commission_notes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"participant_id" integer NOT NULL,
  	"period_id" integer NOT NULL,
  	"plan_id" integer NOT NULL,
  	"amount" numeric(19, 4),
  	"reason" varchar NOT NULL,
  	"corrects_line_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "commission_statements" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"run_id" integer NOT NULL,
  	"period_id" integer NOT NULL,
  	"participant_id" integer NOT NULL,
  	"currency" varchar,
  	"total" numeric(19, 4),
  	"held" numeric(19, 4),
  	"payable" numeric(19, 4),
  	"line_count" numeric,
  	"generated_at" timestamp(3) with time zone,
  	"pdf_file" varchar,
  	"xlsx_file" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payment_batches" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"period_id" integer NOT NULL,
  	"effective_date" date,
  	"status" "enum_payment_batches_status" DEFAULT 'queued',
  	"job" numeric,
  	"payment_count" numeric,
  	"total" numeric(19, 4),
  	"carried_forward" numeric,
  	"message" varchar,
  	"paid_at" timestamp(3) with time zone,
  	"paid_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"batch_id" integer NOT NULL,
  	"payee_id" integer NOT NULL,
  	"amount" numeric(19, 4),
  	"currency" varchar NOT NULL,
  	"line_count" numeric,
  	"status" "enum_payments_status" DEFAULT 'pending' NOT NULL,
  	"paid_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "participants" ADD COLUMN "dealer_tier" "enum_participants_dealer_tier";
  ALTER TABLE "participants" ADD COLUMN "bank_routing_number" varchar;
  ALTER TABLE "participants" ADD COLUMN "bank_account_number" varchar;
  ALTER TABLE "participants" ADD COLUMN "bank_account_type" "enum_participants_bank_account_type" DEFAULT 'checking';
  ALTER TABLE "plan_versions_blocks_upfront_rows" ADD CONSTRAINT "plan_versions_blocks_upfront_rows_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "plan_versions_blocks_upfront_rows" ADD CONSTRAINT "plan_versions_blocks_upfront_rows_rate_plan_id_rate_plans_id_fk" FOREIGN KEY ("rate_plan_id") REFERENCES "public"."rate_plans"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "plan_versions_blocks_upfront_rows" ADD CONSTRAINT "plan_versions_blocks_upfront_rows_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."plan_versions_blocks_upfront"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "plan_versions_blocks_upfront" ADD CONSTRAINT "plan_versions_blocks_upfront_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."plan_versions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "plan_versions_blocks_volume_bonus_activation_types" ADD CONSTRAINT "plan_versions_blocks_volume_bonus_activation_types_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."plan_versions_blocks_volume_bonus"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "plan_versions_blocks_volume_bonus_tiers" ADD CONSTRAINT "plan_versions_blocks_volume_bonus_tiers_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."plan_versions_blocks_volume_bonus"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "plan_versions_blocks_volume_bonus" ADD CONSTRAINT "plan_versions_blocks_volume_bonus_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."plan_versions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "plan_versions_blocks_plan_change" ADD CONSTRAINT "plan_versions_blocks_plan_change_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."plan_versions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "plan_versions_blocks_residual" ADD CONSTRAINT "plan_versions_blocks_residual_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."plan_versions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "plan_versions_blocks_chargeback" ADD CONSTRAINT "plan_versions_blocks_chargeback_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."plan_versions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "plan_versions_blocks_override_levels" ADD CONSTRAINT "plan_versions_blocks_override_levels_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."plan_versions_blocks_override"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "plan_versions_blocks_override" ADD CONSTRAINT "plan_versions_blocks_override_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."plan_versions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_plan_id_compensation_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."compensation_plans"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commission_periods" ADD CONSTRAINT "commission_periods_locked_by_id_users_id_fk" FOREIGN KEY ("locked_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commission_runs" ADD CONSTRAINT "commission_runs_period_id_commission_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."commission_periods"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commission_runs" ADD CONSTRAINT "commission_runs_plan_id_compensation_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."compensation_plans"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commission_runs" ADD CONSTRAINT "commission_runs_plan_version_id_plan_versions_id_fk" FOREIGN KEY ("plan_version_id") REFERENCES "public"."plan_versions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commission_runs" ADD CONSTRAINT "commission_runs_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commission_runs" ADD CONSTRAINT "commission_runs_locked_by_id_users_id_fk" FOREIGN KEY ("locked_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commission_lines" ADD CONSTRAINT "commission_lines_run_id_commission_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."commission_runs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commission_lines" ADD CONSTRAINT "commission_lines_period_id_commission_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."commission_periods"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commission_lines" ADD CONSTRAINT "commission_lines_payee_id_participants_id_fk" FOREIGN KEY ("payee_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commission_lines" ADD CONSTRAINT "commission_lines_sale_id_dealer_sales_id_fk" FOREIGN KEY ("sale_id") REFERENCES "public"."dealer_sales"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commission_lines" ADD CONSTRAINT "commission_lines_carrier_record_id_carrier_records_id_fk" FOREIGN KEY ("carrier_record_id") REFERENCES "public"."carrier_records"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commission_lines" ADD CONSTRAINT "commission_lines_from_participant_id_participants_id_fk" FOREIGN KEY ("from_participant_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commission_lines" ADD CONSTRAINT "commission_lines_note_id_commission_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."commission_notes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commission_lines" ADD CONSTRAINT "commission_lines_plan_version_id_plan_versions_id_fk" FOREIGN KEY ("plan_version_id") REFERENCES "public"."plan_versions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commission_lines" ADD CONSTRAINT "commission_lines_evaluation_id_commission_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."commission_evaluations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commission_evaluations" ADD CONSTRAINT "commission_evaluations_run_id_commission_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."commission_runs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commission_evaluations" ADD CONSTRAINT "commission_evaluations_plan_version_id_plan_versions_id_fk" FOREIGN KEY ("plan_version_id") REFERENCES "public"."plan_versions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commission_holds" ADD CONSTRAINT "commission_holds_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commission_holds" ADD CONSTRAINT "commission_holds_sale_id_dealer_sales_id_fk" FOREIGN KEY ("sale_id") REFERENCES "public"."dealer_sales"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commission_holds" ADD CONSTRAINT "commission_holds_line_id_commission_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."commission_lines"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commission_holds" ADD CONSTRAINT "commission_holds_released_by_id_users_id_fk" FOREIGN KEY ("released_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commission_notes" ADD CONSTRAINT "commission_notes_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commission_notes" ADD CONSTRAINT "commission_notes_period_id_commission_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."commission_periods"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commission_notes" ADD CONSTRAINT "commission_notes_plan_id_compensation_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."compensation_plans"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commission_notes" ADD CONSTRAINT "commission_notes_corrects_line_id_commission_lines_id_fk" FOREIGN KEY ("corrects_line_id") REFERENCES "public"."commission_lines"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commission_statements" ADD CONSTRAINT "commission_statements_run_id_commission_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."commission_runs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commission_statements" ADD CONSTRAINT "commission_statements_period_id_commission_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."commission_periods"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commission_statements" ADD CONSTRAINT "commission_statements_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payment_batches" ADD CONSTRAINT "payment_batches_period_id_commission_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."commission_periods"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payment_batches" ADD CONSTRAINT "payment_batches_paid_by_id_users_id_fk" FOREIGN KEY ("paid_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payments" ADD CONSTRAINT "payments_batch_id_payment_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."payment_batches"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payments" ADD CONSTRAINT "payments_payee_id_participants_id_fk" FOREIGN KEY ("payee_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "compensation_plans_name_idx" ON "compensation_plans" USING btree ("name");
  CREATE INDEX "compensation_plans_updated_at_idx" ON "compensation_plans" USING btree ("updated_at");
  CREATE INDEX "compensation_plans_created_at_idx" ON "compensation_plans" USING btree ("created_at");
  CREATE INDEX "plan_versions_blocks_upfront_rows_order_idx" ON "plan_versions_blocks_upfront_rows" USING btree ("_order");
  CREATE INDEX "plan_versions_blocks_upfront_rows_parent_id_idx" ON "plan_versions_blocks_upfront_rows" USING btree ("_parent_id");
  CREATE INDEX "plan_versions_blocks_upfront_rows_carrier_idx" ON "plan_versions_blocks_upfront_rows" USING btree ("carrier_id");
  CREATE INDEX "plan_versions_blocks_upfront_rows_rate_plan_idx" ON "plan_versions_blocks_upfront_rows" USING btree ("rate_plan_id");
  CREATE INDEX "plan_versions_blocks_upfront_order_idx" ON "plan_versions_blocks_upfront" USING btree ("_order");
  CREATE INDEX "plan_versions_blocks_upfront_parent_id_idx" ON "plan_versions_blocks_upfront" USING btree ("_parent_id");
  CREATE INDEX "plan_versions_blocks_upfront_path_idx" ON "plan_versions_blocks_upfront" USING btree ("_path");
  CREATE INDEX "plan_versions_blocks_volume_bonus_activation_types_order_idx" ON "plan_versions_blocks_volume_bonus_activation_types" USING btree ("order");
  CREATE INDEX "plan_versions_blocks_volume_bonus_activation_types_parent_idx" ON "plan_versions_blocks_volume_bonus_activation_types" USING btree ("parent_id");
  CREATE INDEX "plan_versions_blocks_volume_bonus_tiers_order_idx" ON "plan_versions_blocks_volume_bonus_tiers" USING btree ("_order");
  CREATE INDEX "plan_versions_blocks_volume_bonus_tiers_parent_id_idx" ON "plan_versions_blocks_volume_bonus_tiers" USING btree ("_parent_id");
  CREATE INDEX "plan_versions_blocks_volume_bonus_order_idx" ON "plan_versions_blocks_volume_bonus" USING btree ("_order");
  CREATE INDEX "plan_versions_blocks_volume_bonus_parent_id_idx" ON "plan_versions_blocks_volume_bonus" USING btree ("_parent_id");
  CREATE INDEX "plan_versions_blocks_volume_bonus_path_idx" ON "plan_versions_blocks_volume_bonus" USING btree ("_path");
  CREATE INDEX "plan_versions_blocks_plan_change_order_idx" ON "plan_versions_blocks_plan_change" USING btree ("_order");
  CREATE INDEX "plan_versions_blocks_plan_change_parent_id_idx" ON "plan_versions_blocks_plan_change" USING btree ("_parent_id");
  CREATE INDEX "plan_versions_blocks_plan_change_path_idx" ON "plan_versions_blocks_plan_change" USING btree ("_path");
  CREATE INDEX "plan_versions_blocks_residual_order_idx" ON "plan_versions_blocks_residual" USING btree ("_order");
  CREATE INDEX "plan_versions_blocks_residual_parent_id_idx" ON "plan_versions_blocks_residual" USING btree ("_parent_id");
  CREATE INDEX "plan_versions_blocks_residual_path_idx" ON "plan_versions_blocks_residual" USING btree ("_path");
  CREATE INDEX "plan_versions_blocks_chargeback_order_idx" ON "plan_versions_blocks_chargeback" USING btree ("_order");
  CREATE INDEX "plan_versions_blocks_chargeback_parent_id_idx" ON "plan_versions_blocks_chargeback" USING btree ("_parent_id");
  CREATE INDEX "plan_versions_blocks_chargeback_path_idx" ON "plan_versions_blocks_chargeback" USING btree ("_path");
  CREATE INDEX "plan_versions_blocks_override_levels_order_idx" ON "plan_versions_blocks_override_levels" USING btree ("_order");
  CREATE INDEX "plan_versions_blocks_override_levels_parent_id_idx" ON "plan_versions_blocks_override_levels" USING btree ("_parent_id");
  CREATE INDEX "plan_versions_blocks_override_order_idx" ON "plan_versions_blocks_override" USING btree ("_order");
  CREATE INDEX "plan_versions_blocks_override_parent_id_idx" ON "plan_versions_blocks_override" USING btree ("_parent_id");
  CREATE INDEX "plan_versions_blocks_override_path_idx" ON "plan_versions_blocks_override" USING btree ("_path");
  CREATE INDEX "plan_versions_plan_idx" ON "plan_versions" USING btree ("plan_id");
  CREATE INDEX "plan_versions_approved_by_idx" ON "plan_versions" USING btree ("approved_by_id");
  CREATE INDEX "plan_versions_updated_at_idx" ON "plan_versions" USING btree ("updated_at");
  CREATE INDEX "plan_versions_created_at_idx" ON "plan_versions" USING btree ("created_at");
  CREATE UNIQUE INDEX "plan_effectiveFrom_idx" ON "plan_versions" USING btree ("plan_id","effective_from");
  CREATE INDEX "commission_periods_locked_by_idx" ON "commission_periods" USING btree ("locked_by_id");
  CREATE INDEX "commission_periods_updated_at_idx" ON "commission_periods" USING btree ("updated_at");
  CREATE INDEX "commission_periods_created_at_idx" ON "commission_periods" USING btree ("created_at");
  CREATE UNIQUE INDEX "frequency_cycle_startsOn_idx" ON "commission_periods" USING btree ("frequency","cycle","starts_on");
  CREATE INDEX "commission_runs_period_idx" ON "commission_runs" USING btree ("period_id");
  CREATE INDEX "commission_runs_plan_idx" ON "commission_runs" USING btree ("plan_id");
  CREATE INDEX "commission_runs_plan_version_idx" ON "commission_runs" USING btree ("plan_version_id");
  CREATE INDEX "commission_runs_approved_by_idx" ON "commission_runs" USING btree ("approved_by_id");
  CREATE INDEX "commission_runs_locked_by_idx" ON "commission_runs" USING btree ("locked_by_id");
  CREATE INDEX "commission_runs_updated_at_idx" ON "commission_runs" USING btree ("updated_at");
  CREATE INDEX "commission_runs_created_at_idx" ON "commission_runs" USING btree ("created_at");
  CREATE UNIQUE INDEX "period_plan_mode_idx" ON "commission_runs" USING btree ("period_id","plan_id","mode");
  CREATE INDEX "commission_lines_run_idx" ON "commission_lines" USING btree ("run_id");
  CREATE INDEX "commission_lines_period_idx" ON "commission_lines" USING btree ("period_id");
  CREATE INDEX "commission_lines_payee_idx" ON "commission_lines" USING btree ("payee_id");
  CREATE INDEX "commission_lines_sale_idx" ON "commission_lines" USING btree ("sale_id");
  CREATE INDEX "commission_lines_carrier_record_idx" ON "commission_lines" USING btree ("carrier_record_id");
  CREATE INDEX "commission_lines_from_participant_idx" ON "commission_lines" USING btree ("from_participant_id");
  CREATE INDEX "commission_lines_note_idx" ON "commission_lines" USING btree ("note_id");
  CREATE INDEX "commission_lines_plan_version_idx" ON "commission_lines" USING btree ("plan_version_id");
  CREATE INDEX "commission_lines_evaluation_idx" ON "commission_lines" USING btree ("evaluation_id");
  CREATE INDEX "run_payee_idx" ON "commission_lines" USING btree ("run_id","payee_id");
  CREATE INDEX "commission_evaluations_run_idx" ON "commission_evaluations" USING btree ("run_id");
  CREATE INDEX "commission_evaluations_plan_version_idx" ON "commission_evaluations" USING btree ("plan_version_id");
  CREATE INDEX "commission_holds_participant_idx" ON "commission_holds" USING btree ("participant_id");
  CREATE INDEX "commission_holds_sale_idx" ON "commission_holds" USING btree ("sale_id");
  CREATE INDEX "commission_holds_line_idx" ON "commission_holds" USING btree ("line_id");
  CREATE INDEX "commission_holds_released_by_idx" ON "commission_holds" USING btree ("released_by_id");
  CREATE INDEX "commission_holds_updated_at_idx" ON "commission_holds" USING btree ("updated_at");
  CREATE INDEX "commission_holds_created_at_idx" ON "commission_holds" USING btree ("created_at");
  CREATE INDEX "commission_notes_participant_idx" ON "commission_notes" USING btree ("participant_id");
  CREATE INDEX "commission_notes_period_idx" ON "commission_notes" USING btree ("period_id");
  CREATE INDEX "commission_notes_plan_idx" ON "commission_notes" USING btree ("plan_id");
  CREATE INDEX "commission_notes_corrects_line_idx" ON "commission_notes" USING btree ("corrects_line_id");
  CREATE INDEX "commission_notes_updated_at_idx" ON "commission_notes" USING btree ("updated_at");
  CREATE INDEX "commission_notes_created_at_idx" ON "commission_notes" USING btree ("created_at");
  CREATE INDEX "commission_statements_run_idx" ON "commission_statements" USING btree ("run_id");
  CREATE INDEX "commission_statements_period_idx" ON "commission_statements" USING btree ("period_id");
  CREATE INDEX "commission_statements_participant_idx" ON "commission_statements" USING btree ("participant_id");
  CREATE INDEX "commission_statements_updated_at_idx" ON "commission_statements" USING btree ("updated_at");
  CREATE INDEX "commission_statements_created_at_idx" ON "commission_statements" USING btree ("created_at");
  CREATE UNIQUE INDEX "run_participant_idx" ON "commission_statements" USING btree ("run_id","participant_id");
  CREATE INDEX "payment_batches_period_idx" ON "payment_batches" USING btree ("period_id");
  CREATE INDEX "payment_batches_paid_by_idx" ON "payment_batches" USING btree ("paid_by_id");
  CREATE INDEX "payment_batches_updated_at_idx" ON "payment_batches" USING btree ("updated_at");
  CREATE INDEX "payment_batches_created_at_idx" ON "payment_batches" USING btree ("created_at");
  CREATE INDEX "payments_batch_idx" ON "payments" USING btree ("batch_id");
  CREATE INDEX "payments_payee_idx" ON "payments" USING btree ("payee_id");
  CREATE INDEX "payments_updated_at_idx" ON "payments" USING btree ("updated_at");
  CREATE INDEX "payments_created_at_idx" ON "payments" USING btree ("created_at");
  CREATE UNIQUE INDEX "batch_payee_idx" ON "payments" USING btree ("batch_id","payee_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "compensation_plans" CASCADE;
  DROP TABLE "plan_versions_blocks_upfront_rows" CASCADE;
  DROP TABLE "plan_versions_blocks_upfront" CASCADE;
  DROP TABLE "plan_versions_blocks_volume_bonus_activation_types" CASCADE;
  DROP TABLE "plan_versions_blocks_volume_bonus_tiers" CASCADE;
  DROP TABLE "plan_versions_blocks_volume_bonus" CASCADE;
  DROP TABLE "plan_versions_blocks_plan_change" CASCADE;
  DROP TABLE "plan_versions_blocks_residual" CASCADE;
  DROP TABLE "plan_versions_blocks_chargeback" CASCADE;
  DROP TABLE "plan_versions_blocks_override_levels" CASCADE;
  DROP TABLE "plan_versions_blocks_override" CASCADE;
  DROP TABLE "plan_versions" CASCADE;
  DROP TABLE "commission_periods" CASCADE;
  DROP TABLE "commission_runs" CASCADE;
  DROP TABLE "commission_lines" CASCADE;
  DROP TABLE "commission_evaluations" CASCADE;
  DROP TABLE "commission_holds" CASCADE;
  DROP TABLE "commission_notes" CASCADE;
  DROP TABLE "commission_statements" CASCADE;
  DROP TABLE "payment_batches" CASCADE;
  DROP TABLE "payments" CASCADE;
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'verifyNetwork', 'runImport', 'reconcile', 'scrapeCarrier');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'verifyNetwork', 'runImport', 'reconcile', 'scrapeCarrier');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  ALTER TABLE "participants" DROP COLUMN "dealer_tier";
  ALTER TABLE "participants" DROP COLUMN "bank_routing_number";
  ALTER TABLE "participants" DROP COLUMN "bank_account_number";
  ALTER TABLE "participants" DROP COLUMN "bank_account_type";
  DROP TYPE "public"."enum_participants_dealer_tier";
  DROP TYPE "public"."enum_participants_bank_account_type";
  DROP TYPE "public"."enum_plan_versions_blocks_upfront_rows_payout";
  DROP TYPE "public"."enum_plan_versions_blocks_upfront_rows_activation_type";
  DROP TYPE "public"."enum_plan_versions_blocks_upfront_rows_dealer_tier";
  DROP TYPE "public"."enum_plan_versions_blocks_volume_bonus_activation_types";
  DROP TYPE "public"."enum_plan_versions_blocks_volume_bonus_metric";
  DROP TYPE "public"."enum_plan_versions_blocks_volume_bonus_method";
  DROP TYPE "public"."enum_plan_versions_status";
  DROP TYPE "public"."enum_plan_versions_rounding";
  DROP TYPE "public"."enum_commission_periods_frequency";
  DROP TYPE "public"."enum_commission_periods_cycle";
  DROP TYPE "public"."enum_commission_periods_status";
  DROP TYPE "public"."enum_commission_runs_mode";
  DROP TYPE "public"."enum_commission_runs_status";
  DROP TYPE "public"."enum_commission_lines_component";
  DROP TYPE "public"."enum_commission_evaluations_component";
  DROP TYPE "public"."enum_commission_holds_target";
  DROP TYPE "public"."enum_commission_holds_status";
  DROP TYPE "public"."enum_payment_batches_status";
  DROP TYPE "public"."enum_payments_status";`)
}
