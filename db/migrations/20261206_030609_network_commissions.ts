import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_products_volume_source" AS ENUM('direct', 'rule');
  CREATE TYPE "public"."enum_network_orders_kind" AS ENUM('order', 'return');
  CREATE TYPE "public"."enum_kpi_definitions_measure" AS ENUM('personal_volume', 'group_volume', 'total_volume', 'level_volume', 'generational_volume', 'active_members', 'active_legs', 'returns');
  CREATE TYPE "public"."enum_kpi_definitions_basis" AS ENUM('qualifying', 'commissionable');
  CREATE TYPE "public"."enum_kpi_definitions_scope" AS ENUM('period', 'cumulative');
  CREATE TYPE "public"."enum_career_plans_honorary" AS ENUM('highest_ever', 'year_end');
  CREATE TYPE "public"."enum_pipeline_types_steps_step" AS ENUM('integrate_network', 'return_indicators', 'calculate_indicators', 'adjust_indicators', 'integrate_indicators', 'calculate_rank', 'honorary_rank', 'compress_network', 'calculate_bonuses', 'validate_bonuses', 'review_and_pay');
  CREATE TYPE "public"."enum_pipeline_types_category" AS ENUM('daily', 'monthly', 'yearly');
  CREATE TYPE "public"."enum_pipeline_runs_status" AS ENUM('open', 'running', 'failed', 'closed');
  CREATE TYPE "public"."enum_member_cycles_rank_source" AS ENUM('rule', 'kept', 'grace', 'manual', 'demoted');
  CREATE TYPE "public"."enum_network_awards_kind" AS ENUM('points', 'prize', 'badge');
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'orderNumber';
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'line';
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'kind';
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'bookedOn';
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'consultantCode';
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'customer';
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'productCode';
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'quantity';
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'currency';
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'unitPrice';
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'discount';
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'returnOfOrder';
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'returnOfLine';
  ALTER TYPE "public"."enum_import_mappings_source" ADD VALUE 'network_orders';
  ALTER TYPE "public"."enum_imports_source" ADD VALUE 'network_orders';
  ALTER TYPE "public"."enum_commission_lines_component" ADD VALUE 'unilevel' BEFORE 'advertising';
  ALTER TYPE "public"."enum_commission_lines_component" ADD VALUE 'differential' BEFORE 'advertising';
  ALTER TYPE "public"."enum_commission_lines_component" ADD VALUE 'network_bonus' BEFORE 'advertising';
  ALTER TYPE "public"."enum_commission_lines_component" ADD VALUE 'advance' BEFORE 'advertising';
  ALTER TYPE "public"."enum_commission_evaluations_component" ADD VALUE 'unilevel' BEFORE 'advertising';
  ALTER TYPE "public"."enum_commission_evaluations_component" ADD VALUE 'differential' BEFORE 'advertising';
  ALTER TYPE "public"."enum_commission_evaluations_component" ADD VALUE 'network_bonus' BEFORE 'advertising';
  ALTER TYPE "public"."enum_commission_evaluations_component" ADD VALUE 'advance' BEFORE 'advertising';
  ALTER TYPE "public"."enum_rule_sets_purpose" ADD VALUE 'rank_qualification';
  ALTER TYPE "public"."enum_rule_sets_purpose" ADD VALUE 'network_bonus';
  ALTER TYPE "public"."enum_rule_sets_purpose" ADD VALUE 'order_volumes';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'pipelineStep';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'pipelineStep';
  CREATE TABLE "plan_versions_blocks_unilevel_levels" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"level" numeric NOT NULL,
  	"percent" varchar NOT NULL
  );
  
  CREATE TABLE "plan_versions_blocks_unilevel" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"compress" boolean DEFAULT true,
  	"block_name" varchar
  );
  
  CREATE TABLE "plan_versions_blocks_differential_rates" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"rank" varchar NOT NULL,
  	"percent" varchar NOT NULL
  );
  
  CREATE TABLE "plan_versions_blocks_differential" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"breakaway_rank" varchar,
  	"breakaway_percent" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "plan_versions_blocks_network_bonus" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"rule_set_id" integer NOT NULL,
  	"block_name" varchar
  );
  
  CREATE TABLE "plan_versions_blocks_advance" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"percent" varchar NOT NULL,
  	"block_name" varchar
  );
  
  CREATE TABLE "products_prices" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"currency" varchar NOT NULL,
  	"consultant_price" numeric(19, 4),
  	"public_price" numeric(19, 4),
  	"vat_percent" numeric(19, 4)
  );
  
  CREATE TABLE "products" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar NOT NULL,
  	"name" varchar NOT NULL,
  	"active" boolean DEFAULT true,
  	"volume_source" "enum_products_volume_source" DEFAULT 'direct' NOT NULL,
  	"qualifying_volume" numeric(19, 4),
  	"commissionable_volume" numeric(19, 4),
  	"volume_rule_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "network_orders" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order_number" varchar NOT NULL,
  	"line" numeric NOT NULL,
  	"kind" "enum_network_orders_kind" NOT NULL,
  	"booked_on" date,
  	"consultant_id" integer NOT NULL,
  	"customer" varchar,
  	"product_id" integer NOT NULL,
  	"quantity" numeric NOT NULL,
  	"currency" varchar NOT NULL,
  	"unit_price" numeric(19, 4),
  	"discount" numeric(19, 4),
  	"amount" numeric(19, 4),
  	"qualifying_volume" numeric(19, 4),
  	"commissionable_volume" numeric(19, 4),
  	"return_of_id" integer,
  	"volume_rule_version_id" integer,
  	"import_id" integer,
  	"source_row" numeric,
  	"natural_key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "kpi_definitions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar NOT NULL,
  	"label" varchar NOT NULL,
  	"measure" "enum_kpi_definitions_measure" NOT NULL,
  	"basis" "enum_kpi_definitions_basis" DEFAULT 'qualifying' NOT NULL,
  	"scope" "enum_kpi_definitions_scope" DEFAULT 'period' NOT NULL,
  	"exclude_head_volume" boolean,
  	"minimum_threshold" numeric(19, 4),
  	"break_at_rank_id" integer,
  	"level" numeric,
  	"generation" numeric,
  	"enabled" boolean DEFAULT true,
  	"visible" boolean DEFAULT true,
  	"description" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "ranks" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar NOT NULL,
  	"name" varchar NOT NULL,
  	"order" numeric NOT NULL,
  	"description" varchar,
  	"price_list" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "career_plans" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"rank_rules_id" integer NOT NULL,
  	"grace_cycles" numeric DEFAULT 0 NOT NULL,
  	"activity_minimum" numeric(19, 4),
  	"honorary" "enum_career_plans_honorary" DEFAULT 'highest_ever' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "pipeline_types_steps" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"step" "enum_pipeline_types_steps_step" NOT NULL
  );
  
  CREATE TABLE "pipeline_types" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"category" "enum_pipeline_types_category" NOT NULL,
  	"career_plan_id" integer,
  	"compensation_plan_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "pipeline_runs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"pipeline_type_id" integer NOT NULL,
  	"cycle_id" integer NOT NULL,
  	"status" "enum_pipeline_runs_status" DEFAULT 'open',
  	"steps" jsonb,
  	"commission_run_id" integer,
  	"payment_batch_id" integer,
  	"message" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "member_cycles" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"cycle_id" integer NOT NULL,
  	"participant_id" integer NOT NULL,
  	"depth" numeric,
  	"personal_volume" numeric(19, 4),
  	"personal_commissionable" numeric(19, 4),
  	"returned_volume" numeric(19, 4),
  	"group_volume" numeric(19, 4),
  	"kpis" jsonb,
  	"calculated_kpis" jsonb,
  	"qualified_rank_id" integer,
  	"paid_rank_id" integer,
  	"honorary_rank_id" integer,
  	"grace_left" numeric,
  	"rank_source" "enum_member_cycles_rank_source",
  	"rank_rule_version_id" integer,
  	"rank_fired" jsonb,
  	"qualifies" boolean
  );
  
  CREATE TABLE "kpi_adjustments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"cycle_id" integer NOT NULL,
  	"participant_id" integer NOT NULL,
  	"kpi_id" integer NOT NULL,
  	"delta" numeric(19, 4),
  	"reason" varchar NOT NULL,
  	"created_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "rank_promotions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"cycle_id" integer NOT NULL,
  	"participant_id" integer NOT NULL,
  	"rank_id" integer NOT NULL,
  	"reason" varchar NOT NULL,
  	"created_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "network_awards" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"cycle_id" integer NOT NULL,
  	"run_id" integer NOT NULL,
  	"participant_id" integer NOT NULL,
  	"kind" "enum_network_awards_kind" NOT NULL,
  	"points" numeric(19, 4),
  	"prize" varchar,
  	"badge" varchar,
  	"label" varchar,
  	"rule_version_id" integer,
  	"fired" jsonb
  );
  
  ALTER TABLE "plan_versions_blocks_unilevel_levels" ADD CONSTRAINT "plan_versions_blocks_unilevel_levels_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."plan_versions_blocks_unilevel"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "plan_versions_blocks_unilevel" ADD CONSTRAINT "plan_versions_blocks_unilevel_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."plan_versions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "plan_versions_blocks_differential_rates" ADD CONSTRAINT "plan_versions_blocks_differential_rates_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."plan_versions_blocks_differential"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "plan_versions_blocks_differential" ADD CONSTRAINT "plan_versions_blocks_differential_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."plan_versions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "plan_versions_blocks_network_bonus" ADD CONSTRAINT "plan_versions_blocks_network_bonus_rule_set_id_rule_sets_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."rule_sets"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "plan_versions_blocks_network_bonus" ADD CONSTRAINT "plan_versions_blocks_network_bonus_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."plan_versions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "plan_versions_blocks_advance" ADD CONSTRAINT "plan_versions_blocks_advance_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."plan_versions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "products_prices" ADD CONSTRAINT "products_prices_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "products" ADD CONSTRAINT "products_volume_rule_id_rule_sets_id_fk" FOREIGN KEY ("volume_rule_id") REFERENCES "public"."rule_sets"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "network_orders" ADD CONSTRAINT "network_orders_consultant_id_participants_id_fk" FOREIGN KEY ("consultant_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "network_orders" ADD CONSTRAINT "network_orders_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "network_orders" ADD CONSTRAINT "network_orders_return_of_id_network_orders_id_fk" FOREIGN KEY ("return_of_id") REFERENCES "public"."network_orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "network_orders" ADD CONSTRAINT "network_orders_volume_rule_version_id_rule_versions_id_fk" FOREIGN KEY ("volume_rule_version_id") REFERENCES "public"."rule_versions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "network_orders" ADD CONSTRAINT "network_orders_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "kpi_definitions" ADD CONSTRAINT "kpi_definitions_break_at_rank_id_ranks_id_fk" FOREIGN KEY ("break_at_rank_id") REFERENCES "public"."ranks"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "career_plans" ADD CONSTRAINT "career_plans_rank_rules_id_rule_sets_id_fk" FOREIGN KEY ("rank_rules_id") REFERENCES "public"."rule_sets"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pipeline_types_steps" ADD CONSTRAINT "pipeline_types_steps_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."pipeline_types"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "pipeline_types" ADD CONSTRAINT "pipeline_types_career_plan_id_career_plans_id_fk" FOREIGN KEY ("career_plan_id") REFERENCES "public"."career_plans"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pipeline_types" ADD CONSTRAINT "pipeline_types_compensation_plan_id_compensation_plans_id_fk" FOREIGN KEY ("compensation_plan_id") REFERENCES "public"."compensation_plans"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pipeline_runs" ADD CONSTRAINT "pipeline_runs_pipeline_type_id_pipeline_types_id_fk" FOREIGN KEY ("pipeline_type_id") REFERENCES "public"."pipeline_types"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pipeline_runs" ADD CONSTRAINT "pipeline_runs_cycle_id_commission_periods_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."commission_periods"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pipeline_runs" ADD CONSTRAINT "pipeline_runs_commission_run_id_commission_runs_id_fk" FOREIGN KEY ("commission_run_id") REFERENCES "public"."commission_runs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pipeline_runs" ADD CONSTRAINT "pipeline_runs_payment_batch_id_payment_batches_id_fk" FOREIGN KEY ("payment_batch_id") REFERENCES "public"."payment_batches"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "member_cycles" ADD CONSTRAINT "member_cycles_cycle_id_commission_periods_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."commission_periods"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "member_cycles" ADD CONSTRAINT "member_cycles_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "member_cycles" ADD CONSTRAINT "member_cycles_qualified_rank_id_ranks_id_fk" FOREIGN KEY ("qualified_rank_id") REFERENCES "public"."ranks"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "member_cycles" ADD CONSTRAINT "member_cycles_paid_rank_id_ranks_id_fk" FOREIGN KEY ("paid_rank_id") REFERENCES "public"."ranks"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "member_cycles" ADD CONSTRAINT "member_cycles_honorary_rank_id_ranks_id_fk" FOREIGN KEY ("honorary_rank_id") REFERENCES "public"."ranks"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "member_cycles" ADD CONSTRAINT "member_cycles_rank_rule_version_id_rule_versions_id_fk" FOREIGN KEY ("rank_rule_version_id") REFERENCES "public"."rule_versions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "kpi_adjustments" ADD CONSTRAINT "kpi_adjustments_cycle_id_commission_periods_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."commission_periods"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "kpi_adjustments" ADD CONSTRAINT "kpi_adjustments_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "kpi_adjustments" ADD CONSTRAINT "kpi_adjustments_kpi_id_kpi_definitions_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpi_definitions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "kpi_adjustments" ADD CONSTRAINT "kpi_adjustments_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rank_promotions" ADD CONSTRAINT "rank_promotions_cycle_id_commission_periods_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."commission_periods"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rank_promotions" ADD CONSTRAINT "rank_promotions_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rank_promotions" ADD CONSTRAINT "rank_promotions_rank_id_ranks_id_fk" FOREIGN KEY ("rank_id") REFERENCES "public"."ranks"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rank_promotions" ADD CONSTRAINT "rank_promotions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "network_awards" ADD CONSTRAINT "network_awards_cycle_id_commission_periods_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."commission_periods"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "network_awards" ADD CONSTRAINT "network_awards_run_id_commission_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."commission_runs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "network_awards" ADD CONSTRAINT "network_awards_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "network_awards" ADD CONSTRAINT "network_awards_rule_version_id_rule_versions_id_fk" FOREIGN KEY ("rule_version_id") REFERENCES "public"."rule_versions"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "plan_versions_blocks_unilevel_levels_order_idx" ON "plan_versions_blocks_unilevel_levels" USING btree ("_order");
  CREATE INDEX "plan_versions_blocks_unilevel_levels_parent_id_idx" ON "plan_versions_blocks_unilevel_levels" USING btree ("_parent_id");
  CREATE INDEX "plan_versions_blocks_unilevel_order_idx" ON "plan_versions_blocks_unilevel" USING btree ("_order");
  CREATE INDEX "plan_versions_blocks_unilevel_parent_id_idx" ON "plan_versions_blocks_unilevel" USING btree ("_parent_id");
  CREATE INDEX "plan_versions_blocks_unilevel_path_idx" ON "plan_versions_blocks_unilevel" USING btree ("_path");
  CREATE INDEX "plan_versions_blocks_differential_rates_order_idx" ON "plan_versions_blocks_differential_rates" USING btree ("_order");
  CREATE INDEX "plan_versions_blocks_differential_rates_parent_id_idx" ON "plan_versions_blocks_differential_rates" USING btree ("_parent_id");
  CREATE INDEX "plan_versions_blocks_differential_order_idx" ON "plan_versions_blocks_differential" USING btree ("_order");
  CREATE INDEX "plan_versions_blocks_differential_parent_id_idx" ON "plan_versions_blocks_differential" USING btree ("_parent_id");
  CREATE INDEX "plan_versions_blocks_differential_path_idx" ON "plan_versions_blocks_differential" USING btree ("_path");
  CREATE INDEX "plan_versions_blocks_network_bonus_order_idx" ON "plan_versions_blocks_network_bonus" USING btree ("_order");
  CREATE INDEX "plan_versions_blocks_network_bonus_parent_id_idx" ON "plan_versions_blocks_network_bonus" USING btree ("_parent_id");
  CREATE INDEX "plan_versions_blocks_network_bonus_path_idx" ON "plan_versions_blocks_network_bonus" USING btree ("_path");
  CREATE INDEX "plan_versions_blocks_network_bonus_rule_set_idx" ON "plan_versions_blocks_network_bonus" USING btree ("rule_set_id");
  CREATE INDEX "plan_versions_blocks_advance_order_idx" ON "plan_versions_blocks_advance" USING btree ("_order");
  CREATE INDEX "plan_versions_blocks_advance_parent_id_idx" ON "plan_versions_blocks_advance" USING btree ("_parent_id");
  CREATE INDEX "plan_versions_blocks_advance_path_idx" ON "plan_versions_blocks_advance" USING btree ("_path");
  CREATE INDEX "products_prices_order_idx" ON "products_prices" USING btree ("_order");
  CREATE INDEX "products_prices_parent_id_idx" ON "products_prices" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "products_code_idx" ON "products" USING btree ("code");
  CREATE INDEX "products_volume_rule_idx" ON "products" USING btree ("volume_rule_id");
  CREATE INDEX "products_updated_at_idx" ON "products" USING btree ("updated_at");
  CREATE INDEX "products_created_at_idx" ON "products" USING btree ("created_at");
  CREATE INDEX "network_orders_consultant_idx" ON "network_orders" USING btree ("consultant_id");
  CREATE INDEX "network_orders_product_idx" ON "network_orders" USING btree ("product_id");
  CREATE INDEX "network_orders_return_of_idx" ON "network_orders" USING btree ("return_of_id");
  CREATE INDEX "network_orders_volume_rule_version_idx" ON "network_orders" USING btree ("volume_rule_version_id");
  CREATE INDEX "network_orders_import_idx" ON "network_orders" USING btree ("import_id");
  CREATE UNIQUE INDEX "network_orders_natural_key_idx" ON "network_orders" USING btree ("natural_key");
  CREATE INDEX "network_orders_updated_at_idx" ON "network_orders" USING btree ("updated_at");
  CREATE INDEX "network_orders_created_at_idx" ON "network_orders" USING btree ("created_at");
  CREATE INDEX "bookedOn_consultant_idx" ON "network_orders" USING btree ("booked_on","consultant_id");
  CREATE INDEX "orderNumber_line_idx" ON "network_orders" USING btree ("order_number","line");
  CREATE UNIQUE INDEX "kpi_definitions_code_idx" ON "kpi_definitions" USING btree ("code");
  CREATE INDEX "kpi_definitions_break_at_rank_idx" ON "kpi_definitions" USING btree ("break_at_rank_id");
  CREATE INDEX "kpi_definitions_updated_at_idx" ON "kpi_definitions" USING btree ("updated_at");
  CREATE INDEX "kpi_definitions_created_at_idx" ON "kpi_definitions" USING btree ("created_at");
  CREATE UNIQUE INDEX "ranks_code_idx" ON "ranks" USING btree ("code");
  CREATE UNIQUE INDEX "ranks_order_idx" ON "ranks" USING btree ("order");
  CREATE INDEX "ranks_updated_at_idx" ON "ranks" USING btree ("updated_at");
  CREATE INDEX "ranks_created_at_idx" ON "ranks" USING btree ("created_at");
  CREATE UNIQUE INDEX "career_plans_name_idx" ON "career_plans" USING btree ("name");
  CREATE INDEX "career_plans_rank_rules_idx" ON "career_plans" USING btree ("rank_rules_id");
  CREATE INDEX "career_plans_updated_at_idx" ON "career_plans" USING btree ("updated_at");
  CREATE INDEX "career_plans_created_at_idx" ON "career_plans" USING btree ("created_at");
  CREATE INDEX "pipeline_types_steps_order_idx" ON "pipeline_types_steps" USING btree ("_order");
  CREATE INDEX "pipeline_types_steps_parent_id_idx" ON "pipeline_types_steps" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "pipeline_types_name_idx" ON "pipeline_types" USING btree ("name");
  CREATE INDEX "pipeline_types_career_plan_idx" ON "pipeline_types" USING btree ("career_plan_id");
  CREATE INDEX "pipeline_types_compensation_plan_idx" ON "pipeline_types" USING btree ("compensation_plan_id");
  CREATE INDEX "pipeline_types_updated_at_idx" ON "pipeline_types" USING btree ("updated_at");
  CREATE INDEX "pipeline_types_created_at_idx" ON "pipeline_types" USING btree ("created_at");
  CREATE INDEX "pipeline_runs_pipeline_type_idx" ON "pipeline_runs" USING btree ("pipeline_type_id");
  CREATE INDEX "pipeline_runs_cycle_idx" ON "pipeline_runs" USING btree ("cycle_id");
  CREATE INDEX "pipeline_runs_commission_run_idx" ON "pipeline_runs" USING btree ("commission_run_id");
  CREATE INDEX "pipeline_runs_payment_batch_idx" ON "pipeline_runs" USING btree ("payment_batch_id");
  CREATE INDEX "pipeline_runs_updated_at_idx" ON "pipeline_runs" USING btree ("updated_at");
  CREATE INDEX "pipeline_runs_created_at_idx" ON "pipeline_runs" USING btree ("created_at");
  CREATE UNIQUE INDEX "pipelineType_cycle_idx" ON "pipeline_runs" USING btree ("pipeline_type_id","cycle_id");
  CREATE INDEX "member_cycles_cycle_idx" ON "member_cycles" USING btree ("cycle_id");
  CREATE INDEX "member_cycles_participant_idx" ON "member_cycles" USING btree ("participant_id");
  CREATE INDEX "member_cycles_qualified_rank_idx" ON "member_cycles" USING btree ("qualified_rank_id");
  CREATE INDEX "member_cycles_paid_rank_idx" ON "member_cycles" USING btree ("paid_rank_id");
  CREATE INDEX "member_cycles_honorary_rank_idx" ON "member_cycles" USING btree ("honorary_rank_id");
  CREATE INDEX "member_cycles_rank_rule_version_idx" ON "member_cycles" USING btree ("rank_rule_version_id");
  CREATE UNIQUE INDEX "cycle_participant_idx" ON "member_cycles" USING btree ("cycle_id","participant_id");
  CREATE INDEX "kpi_adjustments_cycle_idx" ON "kpi_adjustments" USING btree ("cycle_id");
  CREATE INDEX "kpi_adjustments_participant_idx" ON "kpi_adjustments" USING btree ("participant_id");
  CREATE INDEX "kpi_adjustments_kpi_idx" ON "kpi_adjustments" USING btree ("kpi_id");
  CREATE INDEX "kpi_adjustments_created_by_idx" ON "kpi_adjustments" USING btree ("created_by_id");
  CREATE INDEX "kpi_adjustments_updated_at_idx" ON "kpi_adjustments" USING btree ("updated_at");
  CREATE INDEX "kpi_adjustments_created_at_idx" ON "kpi_adjustments" USING btree ("created_at");
  CREATE INDEX "rank_promotions_cycle_idx" ON "rank_promotions" USING btree ("cycle_id");
  CREATE INDEX "rank_promotions_participant_idx" ON "rank_promotions" USING btree ("participant_id");
  CREATE INDEX "rank_promotions_rank_idx" ON "rank_promotions" USING btree ("rank_id");
  CREATE INDEX "rank_promotions_created_by_idx" ON "rank_promotions" USING btree ("created_by_id");
  CREATE INDEX "rank_promotions_updated_at_idx" ON "rank_promotions" USING btree ("updated_at");
  CREATE INDEX "rank_promotions_created_at_idx" ON "rank_promotions" USING btree ("created_at");
  CREATE UNIQUE INDEX "cycle_participant_1_idx" ON "rank_promotions" USING btree ("cycle_id","participant_id");
  CREATE INDEX "network_awards_cycle_idx" ON "network_awards" USING btree ("cycle_id");
  CREATE INDEX "network_awards_run_idx" ON "network_awards" USING btree ("run_id");
  CREATE INDEX "network_awards_participant_idx" ON "network_awards" USING btree ("participant_id");
  CREATE INDEX "network_awards_rule_version_idx" ON "network_awards" USING btree ("rule_version_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "plan_versions_blocks_unilevel_levels" CASCADE;
  DROP TABLE "plan_versions_blocks_unilevel" CASCADE;
  DROP TABLE "plan_versions_blocks_differential_rates" CASCADE;
  DROP TABLE "plan_versions_blocks_differential" CASCADE;
  DROP TABLE "plan_versions_blocks_network_bonus" CASCADE;
  DROP TABLE "plan_versions_blocks_advance" CASCADE;
  DROP TABLE "products_prices" CASCADE;
  DROP TABLE "products" CASCADE;
  DROP TABLE "network_orders" CASCADE;
  DROP TABLE "kpi_definitions" CASCADE;
  DROP TABLE "ranks" CASCADE;
  DROP TABLE "career_plans" CASCADE;
  DROP TABLE "pipeline_types_steps" CASCADE;
  DROP TABLE "pipeline_types" CASCADE;
  DROP TABLE "pipeline_runs" CASCADE;
  DROP TABLE "member_cycles" CASCADE;
  DROP TABLE "kpi_adjustments" CASCADE;
  DROP TABLE "rank_promotions" CASCADE;
  DROP TABLE "network_awards" CASCADE;
  ALTER TABLE "import_mappings_columns" ALTER COLUMN "field" SET DATA TYPE text;
  DROP TYPE "public"."enum_import_mappings_columns_field";
  CREATE TYPE "public"."enum_import_mappings_columns_field" AS ENUM('dealerCode', 'saleDate', 'carrierCode', 'activationType', 'mdn', 'iccid', 'imei', 'ratePlanCode', 'features', 'customerAccount', 'activationDate', 'lineStatus', 'deactivationDate', 'paidActivation', 'paidFeatures', 'paidSpiff', 'clientCode', 'serviceCode', 'chargedOn', 'frequency', 'charged', 'commissionable', 'nonCommissionable');
  ALTER TABLE "import_mappings_columns" ALTER COLUMN "field" SET DATA TYPE "public"."enum_import_mappings_columns_field" USING "field"::"public"."enum_import_mappings_columns_field";
  ALTER TABLE "import_mappings" ALTER COLUMN "source" SET DATA TYPE text;
  DROP TYPE "public"."enum_import_mappings_source";
  CREATE TYPE "public"."enum_import_mappings_source" AS ENUM('dealer_sales', 'carrier_records', 'billing_lines');
  ALTER TABLE "import_mappings" ALTER COLUMN "source" SET DATA TYPE "public"."enum_import_mappings_source" USING "source"::"public"."enum_import_mappings_source";
  ALTER TABLE "imports" ALTER COLUMN "source" SET DATA TYPE text;
  DROP TYPE "public"."enum_imports_source";
  CREATE TYPE "public"."enum_imports_source" AS ENUM('dealer_sales', 'carrier_records', 'billing_lines');
  ALTER TABLE "imports" ALTER COLUMN "source" SET DATA TYPE "public"."enum_imports_source" USING "source"::"public"."enum_imports_source";
  ALTER TABLE "commission_lines" ALTER COLUMN "component" SET DATA TYPE text;
  DROP TYPE "public"."enum_commission_lines_component";
  CREATE TYPE "public"."enum_commission_lines_component" AS ENUM('upfront', 'volume_bonus', 'plan_change', 'rule_amount', 'residual', 'chargeback', 'override', 'proposal_commission', 'advertising', 'note');
  ALTER TABLE "commission_lines" ALTER COLUMN "component" SET DATA TYPE "public"."enum_commission_lines_component" USING "component"::"public"."enum_commission_lines_component";
  ALTER TABLE "commission_evaluations" ALTER COLUMN "component" SET DATA TYPE text;
  DROP TYPE "public"."enum_commission_evaluations_component";
  CREATE TYPE "public"."enum_commission_evaluations_component" AS ENUM('upfront', 'volume_bonus', 'plan_change', 'rule_amount', 'residual', 'chargeback', 'override', 'proposal_commission', 'advertising');
  ALTER TABLE "commission_evaluations" ALTER COLUMN "component" SET DATA TYPE "public"."enum_commission_evaluations_component" USING "component"::"public"."enum_commission_evaluations_component";
  ALTER TABLE "rule_sets" ALTER COLUMN "purpose" SET DATA TYPE text;
  DROP TYPE "public"."enum_rule_sets_purpose";
  CREATE TYPE "public"."enum_rule_sets_purpose" AS ENUM('commission_amount');
  ALTER TABLE "rule_sets" ALTER COLUMN "purpose" SET DATA TYPE "public"."enum_rule_sets_purpose" USING "purpose"::"public"."enum_rule_sets_purpose";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'verifyNetwork', 'runImport', 'reconcile', 'scrapeCarrier', 'commissionRun', 'generateStatements', 'payBatch');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'verifyNetwork', 'runImport', 'reconcile', 'scrapeCarrier', 'commissionRun', 'generateStatements', 'payBatch');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP TYPE "public"."enum_products_volume_source";
  DROP TYPE "public"."enum_network_orders_kind";
  DROP TYPE "public"."enum_kpi_definitions_measure";
  DROP TYPE "public"."enum_kpi_definitions_basis";
  DROP TYPE "public"."enum_kpi_definitions_scope";
  DROP TYPE "public"."enum_career_plans_honorary";
  DROP TYPE "public"."enum_pipeline_types_steps_step";
  DROP TYPE "public"."enum_pipeline_types_category";
  DROP TYPE "public"."enum_pipeline_runs_status";
  DROP TYPE "public"."enum_member_cycles_rank_source";
  DROP TYPE "public"."enum_network_awards_kind";`)
}
