import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_carriers_match_keys" AS ENUM('iccid', 'imei', 'mdn');
  CREATE TYPE "public"."enum_rate_plans_category" AS ENUM('postpaid', 'prepaid', 'business', 'data', 'wearable');
  CREATE TYPE "public"."enum_payout_schedules_lines_kind" AS ENUM('activation', 'feature', 'spiff');
  CREATE TYPE "public"."enum_payout_schedules_lines_activation_type" AS ENUM('new', 'upgrade', 'downgrade', 'port_in', 'feature_add');
  CREATE TYPE "public"."enum_payout_schedules_status" AS ENUM('draft', 'approved');
  CREATE TYPE "public"."enum_import_mappings_columns_field" AS ENUM('dealerCode', 'saleDate', 'carrierCode', 'activationType', 'mdn', 'iccid', 'imei', 'ratePlanCode', 'features', 'customerAccount', 'activationDate', 'lineStatus', 'deactivationDate', 'paidActivation', 'paidFeatures', 'paidSpiff');
  CREATE TYPE "public"."enum_import_mappings_source" AS ENUM('dealer_sales', 'carrier_records');
  CREATE TYPE "public"."enum_import_mappings_csv_delimiter" AS ENUM('auto', ',', ';', '	', '|');
  CREATE TYPE "public"."enum_import_mappings_decimal_separator" AS ENUM('.', ',');
  CREATE TYPE "public"."enum_imports_source" AS ENUM('dealer_sales', 'carrier_records');
  CREATE TYPE "public"."enum_imports_status" AS ENUM('queued', 'running', 'completed', 'failed');
  CREATE TYPE "public"."enum_imports_format" AS ENUM('xlsx', 'csv');
  CREATE TYPE "public"."enum_dealer_sales_activation_type" AS ENUM('new', 'upgrade', 'downgrade', 'port_in', 'feature_add');
  CREATE TYPE "public"."enum_carrier_records_activation_type" AS ENUM('new', 'upgrade', 'downgrade', 'port_in', 'feature_add');
  CREATE TYPE "public"."enum_carrier_records_line_status" AS ENUM('active', 'suspended', 'deactivated');
  CREATE TYPE "public"."enum_reconciliation_runs_match_keys" AS ENUM('iccid', 'imei', 'mdn');
  CREATE TYPE "public"."enum_reconciliation_runs_status" AS ENUM('queued', 'running', 'completed', 'failed');
  CREATE TYPE "public"."enum_reconciliation_lines_recon_class" AS ENUM('matched', 'not_with_carrier', 'not_reported', 'rate_plan_mismatch', 'amount_mismatch', 'duplicate_claim', 'deactivated_in_window');
  CREATE TYPE "public"."enum_discrepancies_recon_class" AS ENUM('not_with_carrier', 'not_reported', 'rate_plan_mismatch', 'amount_mismatch', 'duplicate_claim', 'deactivated_in_window');
  CREATE TYPE "public"."enum_discrepancies_status" AS ENUM('open', 'disputed', 'resolved', 'written_off');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'runImport';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'reconcile';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'runImport';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'reconcile';
  CREATE TABLE "carriers_match_keys" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_carriers_match_keys",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "carriers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar NOT NULL,
  	"name" varchar NOT NULL,
  	"currency" varchar DEFAULT 'USD' NOT NULL,
  	"active" boolean DEFAULT true,
  	"date_tolerance_days" numeric DEFAULT 3 NOT NULL,
  	"chargeback_window_days" numeric DEFAULT 180 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "rate_plans_features" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"code" varchar NOT NULL,
  	"name" varchar NOT NULL,
  	"monthly_charge" numeric(19, 4)
  );
  
  CREATE TABLE "rate_plans" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"carrier_id" integer NOT NULL,
  	"code" varchar NOT NULL,
  	"name" varchar NOT NULL,
  	"category" "enum_rate_plans_category" DEFAULT 'postpaid' NOT NULL,
  	"monthly_charge" numeric(19, 4),
  	"active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payout_schedules_lines" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"kind" "enum_payout_schedules_lines_kind" NOT NULL,
  	"activation_type" "enum_payout_schedules_lines_activation_type",
  	"rate_plan_id" integer,
  	"feature_code" varchar,
  	"amount" numeric(19, 4)
  );
  
  CREATE TABLE "payout_schedules" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"carrier_id" integer NOT NULL,
  	"version" numeric,
  	"effective_from" date,
  	"status" "enum_payout_schedules_status" DEFAULT 'draft' NOT NULL,
  	"approved_by_id" integer,
  	"approved_at" timestamp(3) with time zone,
  	"notes" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "import_mappings_columns" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"field" "enum_import_mappings_columns_field" NOT NULL,
  	"header" varchar NOT NULL
  );
  
  CREATE TABLE "import_mappings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"source" "enum_import_mappings_source" NOT NULL,
  	"carrier_id" integer,
  	"sheet_name" varchar,
  	"header_row" numeric,
  	"first_data_row" numeric,
  	"csv_delimiter" "enum_import_mappings_csv_delimiter" DEFAULT 'auto',
  	"decimal_separator" "enum_import_mappings_decimal_separator" DEFAULT '.' NOT NULL,
  	"date_formats" varchar DEFAULT 'YYYY-MM-DD, MM/DD/YYYY' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "imports" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"mapping_id" integer NOT NULL,
  	"source" "enum_imports_source",
  	"status" "enum_imports_status" DEFAULT 'queued',
  	"job" numeric,
  	"message" varchar,
  	"rows_read" numeric DEFAULT 0,
  	"accepted" numeric DEFAULT 0,
  	"rejected" numeric DEFAULT 0,
  	"inserted" numeric DEFAULT 0,
  	"updated" numeric DEFAULT 0,
  	"duplicates" numeric DEFAULT 0,
  	"blank_rows" numeric DEFAULT 0,
  	"headers" jsonb,
  	"format" "enum_imports_format",
  	"file_hash" varchar,
  	"duplicate_of_id" integer,
  	"started_at" timestamp(3) with time zone,
  	"finished_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  CREATE TABLE "import_rejects" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"import_id" integer NOT NULL,
  	"row_number" numeric NOT NULL,
  	"reasons" varchar NOT NULL,
  	"cells" jsonb
  );
  
  CREATE TABLE "dealer_sales" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"dealer_id" integer NOT NULL,
  	"sale_date" date,
  	"carrier_id" integer NOT NULL,
  	"activation_type" "enum_dealer_sales_activation_type" NOT NULL,
  	"mdn" varchar,
  	"iccid" varchar,
  	"imei" varchar,
  	"rate_plan_id" integer NOT NULL,
  	"features" varchar,
  	"customer_account" varchar,
  	"import_id" integer,
  	"source_row" numeric,
  	"natural_key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "carrier_records" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"activation_date" date,
  	"carrier_id" integer NOT NULL,
  	"activation_type" "enum_carrier_records_activation_type" NOT NULL,
  	"mdn" varchar,
  	"iccid" varchar,
  	"imei" varchar,
  	"rate_plan_id" integer NOT NULL,
  	"features" varchar,
  	"customer_account" varchar,
  	"dealer_id" integer,
  	"line_status" "enum_carrier_records_line_status" DEFAULT 'active' NOT NULL,
  	"deactivation_date" date,
  	"paid_activation" numeric(19, 4),
  	"paid_features" numeric(19, 4),
  	"paid_spiff" numeric(19, 4),
  	"paid_total" numeric(19, 4),
  	"import_id" integer,
  	"source_row" numeric,
  	"natural_key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "reconciliation_runs_match_keys" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_reconciliation_runs_match_keys",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "reconciliation_runs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"carrier_id" integer NOT NULL,
  	"period_start" date,
  	"period_end" date,
  	"date_tolerance_days" numeric,
  	"chargeback_window_days" numeric,
  	"status" "enum_reconciliation_runs_status" DEFAULT 'queued',
  	"job" numeric,
  	"run_count" numeric DEFAULT 0,
  	"last_run_at" timestamp(3) with time zone,
  	"message" varchar,
  	"summary" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "reconciliation_lines" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"run_id" integer NOT NULL,
  	"recon_class" "enum_reconciliation_lines_recon_class" NOT NULL,
  	"sale_id" integer,
  	"carrier_record_id" integer,
  	"dealer_id" integer,
  	"expected" numeric(19, 4),
  	"paid" numeric(19, 4),
  	"schedule_version_id" integer
  );
  
  CREATE TABLE "discrepancies_comments" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"text" varchar NOT NULL,
  	"author_id" integer,
  	"at" timestamp(3) with time zone
  );
  
  CREATE TABLE "discrepancies" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"run_id" integer NOT NULL,
  	"recon_class" "enum_discrepancies_recon_class" NOT NULL,
  	"sale_id" integer,
  	"carrier_record_id" integer,
  	"dealer_id" integer,
  	"expected" numeric(19, 4),
  	"paid" numeric(19, 4),
  	"at_stake" numeric(19, 4),
  	"status" "enum_discrepancies_status" DEFAULT 'open' NOT NULL,
  	"owner_id" integer,
  	"cleared_by_rerun" boolean DEFAULT false,
  	"last_seen_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "carriers_match_keys" ADD CONSTRAINT "carriers_match_keys_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."carriers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "rate_plans_features" ADD CONSTRAINT "rate_plans_features_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."rate_plans"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "rate_plans" ADD CONSTRAINT "rate_plans_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payout_schedules_lines" ADD CONSTRAINT "payout_schedules_lines_rate_plan_id_rate_plans_id_fk" FOREIGN KEY ("rate_plan_id") REFERENCES "public"."rate_plans"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payout_schedules_lines" ADD CONSTRAINT "payout_schedules_lines_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payout_schedules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payout_schedules" ADD CONSTRAINT "payout_schedules_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payout_schedules" ADD CONSTRAINT "payout_schedules_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "import_mappings_columns" ADD CONSTRAINT "import_mappings_columns_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."import_mappings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "imports" ADD CONSTRAINT "imports_mapping_id_import_mappings_id_fk" FOREIGN KEY ("mapping_id") REFERENCES "public"."import_mappings"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "imports" ADD CONSTRAINT "imports_duplicate_of_id_imports_id_fk" FOREIGN KEY ("duplicate_of_id") REFERENCES "public"."imports"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "import_rejects" ADD CONSTRAINT "import_rejects_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "dealer_sales" ADD CONSTRAINT "dealer_sales_dealer_id_participants_id_fk" FOREIGN KEY ("dealer_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "dealer_sales" ADD CONSTRAINT "dealer_sales_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "dealer_sales" ADD CONSTRAINT "dealer_sales_rate_plan_id_rate_plans_id_fk" FOREIGN KEY ("rate_plan_id") REFERENCES "public"."rate_plans"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "dealer_sales" ADD CONSTRAINT "dealer_sales_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "carrier_records" ADD CONSTRAINT "carrier_records_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "carrier_records" ADD CONSTRAINT "carrier_records_rate_plan_id_rate_plans_id_fk" FOREIGN KEY ("rate_plan_id") REFERENCES "public"."rate_plans"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "carrier_records" ADD CONSTRAINT "carrier_records_dealer_id_participants_id_fk" FOREIGN KEY ("dealer_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "carrier_records" ADD CONSTRAINT "carrier_records_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reconciliation_runs_match_keys" ADD CONSTRAINT "reconciliation_runs_match_keys_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."reconciliation_runs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reconciliation_runs" ADD CONSTRAINT "reconciliation_runs_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reconciliation_lines" ADD CONSTRAINT "reconciliation_lines_run_id_reconciliation_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."reconciliation_runs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reconciliation_lines" ADD CONSTRAINT "reconciliation_lines_sale_id_dealer_sales_id_fk" FOREIGN KEY ("sale_id") REFERENCES "public"."dealer_sales"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reconciliation_lines" ADD CONSTRAINT "reconciliation_lines_carrier_record_id_carrier_records_id_fk" FOREIGN KEY ("carrier_record_id") REFERENCES "public"."carrier_records"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reconciliation_lines" ADD CONSTRAINT "reconciliation_lines_dealer_id_participants_id_fk" FOREIGN KEY ("dealer_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reconciliation_lines" ADD CONSTRAINT "reconciliation_lines_schedule_version_id_payout_schedules_id_fk" FOREIGN KEY ("schedule_version_id") REFERENCES "public"."payout_schedules"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "discrepancies_comments" ADD CONSTRAINT "discrepancies_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "discrepancies_comments" ADD CONSTRAINT "discrepancies_comments_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."discrepancies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "discrepancies" ADD CONSTRAINT "discrepancies_run_id_reconciliation_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."reconciliation_runs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "discrepancies" ADD CONSTRAINT "discrepancies_sale_id_dealer_sales_id_fk" FOREIGN KEY ("sale_id") REFERENCES "public"."dealer_sales"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "discrepancies" ADD CONSTRAINT "discrepancies_carrier_record_id_carrier_records_id_fk" FOREIGN KEY ("carrier_record_id") REFERENCES "public"."carrier_records"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "discrepancies" ADD CONSTRAINT "discrepancies_dealer_id_participants_id_fk" FOREIGN KEY ("dealer_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "discrepancies" ADD CONSTRAINT "discrepancies_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "carriers_match_keys_order_idx" ON "carriers_match_keys" USING btree ("order");
  CREATE INDEX "carriers_match_keys_parent_idx" ON "carriers_match_keys" USING btree ("parent_id");
  CREATE UNIQUE INDEX "carriers_code_idx" ON "carriers" USING btree ("code");
  CREATE INDEX "carriers_updated_at_idx" ON "carriers" USING btree ("updated_at");
  CREATE INDEX "carriers_created_at_idx" ON "carriers" USING btree ("created_at");
  CREATE INDEX "rate_plans_features_order_idx" ON "rate_plans_features" USING btree ("_order");
  CREATE INDEX "rate_plans_features_parent_id_idx" ON "rate_plans_features" USING btree ("_parent_id");
  CREATE INDEX "rate_plans_carrier_idx" ON "rate_plans" USING btree ("carrier_id");
  CREATE INDEX "rate_plans_updated_at_idx" ON "rate_plans" USING btree ("updated_at");
  CREATE INDEX "rate_plans_created_at_idx" ON "rate_plans" USING btree ("created_at");
  CREATE UNIQUE INDEX "carrier_code_idx" ON "rate_plans" USING btree ("carrier_id","code");
  CREATE INDEX "payout_schedules_lines_order_idx" ON "payout_schedules_lines" USING btree ("_order");
  CREATE INDEX "payout_schedules_lines_parent_id_idx" ON "payout_schedules_lines" USING btree ("_parent_id");
  CREATE INDEX "payout_schedules_lines_rate_plan_idx" ON "payout_schedules_lines" USING btree ("rate_plan_id");
  CREATE INDEX "payout_schedules_carrier_idx" ON "payout_schedules" USING btree ("carrier_id");
  CREATE INDEX "payout_schedules_approved_by_idx" ON "payout_schedules" USING btree ("approved_by_id");
  CREATE INDEX "payout_schedules_updated_at_idx" ON "payout_schedules" USING btree ("updated_at");
  CREATE INDEX "payout_schedules_created_at_idx" ON "payout_schedules" USING btree ("created_at");
  CREATE UNIQUE INDEX "carrier_effectiveFrom_idx" ON "payout_schedules" USING btree ("carrier_id","effective_from");
  CREATE INDEX "import_mappings_columns_order_idx" ON "import_mappings_columns" USING btree ("_order");
  CREATE INDEX "import_mappings_columns_parent_id_idx" ON "import_mappings_columns" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "import_mappings_name_idx" ON "import_mappings" USING btree ("name");
  CREATE INDEX "import_mappings_carrier_idx" ON "import_mappings" USING btree ("carrier_id");
  CREATE INDEX "import_mappings_updated_at_idx" ON "import_mappings" USING btree ("updated_at");
  CREATE INDEX "import_mappings_created_at_idx" ON "import_mappings" USING btree ("created_at");
  CREATE INDEX "imports_mapping_idx" ON "imports" USING btree ("mapping_id");
  CREATE INDEX "imports_status_idx" ON "imports" USING btree ("status");
  CREATE INDEX "imports_file_hash_idx" ON "imports" USING btree ("file_hash");
  CREATE INDEX "imports_duplicate_of_idx" ON "imports" USING btree ("duplicate_of_id");
  CREATE INDEX "imports_updated_at_idx" ON "imports" USING btree ("updated_at");
  CREATE INDEX "imports_created_at_idx" ON "imports" USING btree ("created_at");
  CREATE UNIQUE INDEX "imports_filename_idx" ON "imports" USING btree ("filename");
  CREATE INDEX "import_rejects_import_idx" ON "import_rejects" USING btree ("import_id");
  CREATE INDEX "dealer_sales_dealer_idx" ON "dealer_sales" USING btree ("dealer_id");
  CREATE INDEX "dealer_sales_carrier_idx" ON "dealer_sales" USING btree ("carrier_id");
  CREATE INDEX "dealer_sales_mdn_idx" ON "dealer_sales" USING btree ("mdn");
  CREATE INDEX "dealer_sales_iccid_idx" ON "dealer_sales" USING btree ("iccid");
  CREATE INDEX "dealer_sales_imei_idx" ON "dealer_sales" USING btree ("imei");
  CREATE INDEX "dealer_sales_rate_plan_idx" ON "dealer_sales" USING btree ("rate_plan_id");
  CREATE INDEX "dealer_sales_import_idx" ON "dealer_sales" USING btree ("import_id");
  CREATE UNIQUE INDEX "dealer_sales_natural_key_idx" ON "dealer_sales" USING btree ("natural_key");
  CREATE INDEX "dealer_sales_updated_at_idx" ON "dealer_sales" USING btree ("updated_at");
  CREATE INDEX "dealer_sales_created_at_idx" ON "dealer_sales" USING btree ("created_at");
  CREATE INDEX "carrier_saleDate_idx" ON "dealer_sales" USING btree ("carrier_id","sale_date");
  CREATE INDEX "carrier_records_carrier_idx" ON "carrier_records" USING btree ("carrier_id");
  CREATE INDEX "carrier_records_mdn_idx" ON "carrier_records" USING btree ("mdn");
  CREATE INDEX "carrier_records_iccid_idx" ON "carrier_records" USING btree ("iccid");
  CREATE INDEX "carrier_records_imei_idx" ON "carrier_records" USING btree ("imei");
  CREATE INDEX "carrier_records_rate_plan_idx" ON "carrier_records" USING btree ("rate_plan_id");
  CREATE INDEX "carrier_records_dealer_idx" ON "carrier_records" USING btree ("dealer_id");
  CREATE INDEX "carrier_records_import_idx" ON "carrier_records" USING btree ("import_id");
  CREATE UNIQUE INDEX "carrier_records_natural_key_idx" ON "carrier_records" USING btree ("natural_key");
  CREATE INDEX "carrier_records_updated_at_idx" ON "carrier_records" USING btree ("updated_at");
  CREATE INDEX "carrier_records_created_at_idx" ON "carrier_records" USING btree ("created_at");
  CREATE INDEX "carrier_activationDate_idx" ON "carrier_records" USING btree ("carrier_id","activation_date");
  CREATE INDEX "reconciliation_runs_match_keys_order_idx" ON "reconciliation_runs_match_keys" USING btree ("order");
  CREATE INDEX "reconciliation_runs_match_keys_parent_idx" ON "reconciliation_runs_match_keys" USING btree ("parent_id");
  CREATE INDEX "reconciliation_runs_carrier_idx" ON "reconciliation_runs" USING btree ("carrier_id");
  CREATE INDEX "reconciliation_runs_updated_at_idx" ON "reconciliation_runs" USING btree ("updated_at");
  CREATE INDEX "reconciliation_runs_created_at_idx" ON "reconciliation_runs" USING btree ("created_at");
  CREATE UNIQUE INDEX "carrier_periodStart_periodEnd_idx" ON "reconciliation_runs" USING btree ("carrier_id","period_start","period_end");
  CREATE INDEX "reconciliation_lines_run_idx" ON "reconciliation_lines" USING btree ("run_id");
  CREATE INDEX "reconciliation_lines_sale_idx" ON "reconciliation_lines" USING btree ("sale_id");
  CREATE INDEX "reconciliation_lines_carrier_record_idx" ON "reconciliation_lines" USING btree ("carrier_record_id");
  CREATE INDEX "reconciliation_lines_dealer_idx" ON "reconciliation_lines" USING btree ("dealer_id");
  CREATE INDEX "reconciliation_lines_schedule_version_idx" ON "reconciliation_lines" USING btree ("schedule_version_id");
  CREATE INDEX "run_reconClass_idx" ON "reconciliation_lines" USING btree ("run_id","recon_class");
  CREATE INDEX "discrepancies_comments_order_idx" ON "discrepancies_comments" USING btree ("_order");
  CREATE INDEX "discrepancies_comments_parent_id_idx" ON "discrepancies_comments" USING btree ("_parent_id");
  CREATE INDEX "discrepancies_comments_author_idx" ON "discrepancies_comments" USING btree ("author_id");
  CREATE UNIQUE INDEX "discrepancies_key_idx" ON "discrepancies" USING btree ("key");
  CREATE INDEX "discrepancies_run_idx" ON "discrepancies" USING btree ("run_id");
  CREATE INDEX "discrepancies_sale_idx" ON "discrepancies" USING btree ("sale_id");
  CREATE INDEX "discrepancies_carrier_record_idx" ON "discrepancies" USING btree ("carrier_record_id");
  CREATE INDEX "discrepancies_dealer_idx" ON "discrepancies" USING btree ("dealer_id");
  CREATE INDEX "discrepancies_status_idx" ON "discrepancies" USING btree ("status");
  CREATE INDEX "discrepancies_owner_idx" ON "discrepancies" USING btree ("owner_id");
  CREATE INDEX "discrepancies_updated_at_idx" ON "discrepancies" USING btree ("updated_at");
  CREATE INDEX "discrepancies_created_at_idx" ON "discrepancies" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "carriers_match_keys" CASCADE;
  DROP TABLE "carriers" CASCADE;
  DROP TABLE "rate_plans_features" CASCADE;
  DROP TABLE "rate_plans" CASCADE;
  DROP TABLE "payout_schedules_lines" CASCADE;
  DROP TABLE "payout_schedules" CASCADE;
  DROP TABLE "import_mappings_columns" CASCADE;
  DROP TABLE "import_mappings" CASCADE;
  DROP TABLE "imports" CASCADE;
  DROP TABLE "import_rejects" CASCADE;
  DROP TABLE "dealer_sales" CASCADE;
  DROP TABLE "carrier_records" CASCADE;
  DROP TABLE "reconciliation_runs_match_keys" CASCADE;
  DROP TABLE "reconciliation_runs" CASCADE;
  DROP TABLE "reconciliation_lines" CASCADE;
  DROP TABLE "discrepancies_comments" CASCADE;
  DROP TABLE "discrepancies" CASCADE;
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'verifyNetwork');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'verifyNetwork');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP TYPE "public"."enum_carriers_match_keys";
  DROP TYPE "public"."enum_rate_plans_category";
  DROP TYPE "public"."enum_payout_schedules_lines_kind";
  DROP TYPE "public"."enum_payout_schedules_lines_activation_type";
  DROP TYPE "public"."enum_payout_schedules_status";
  DROP TYPE "public"."enum_import_mappings_columns_field";
  DROP TYPE "public"."enum_import_mappings_source";
  DROP TYPE "public"."enum_import_mappings_csv_delimiter";
  DROP TYPE "public"."enum_import_mappings_decimal_separator";
  DROP TYPE "public"."enum_imports_source";
  DROP TYPE "public"."enum_imports_status";
  DROP TYPE "public"."enum_imports_format";
  DROP TYPE "public"."enum_dealer_sales_activation_type";
  DROP TYPE "public"."enum_carrier_records_activation_type";
  DROP TYPE "public"."enum_carrier_records_line_status";
  DROP TYPE "public"."enum_reconciliation_runs_match_keys";
  DROP TYPE "public"."enum_reconciliation_runs_status";
  DROP TYPE "public"."enum_reconciliation_lines_recon_class";
  DROP TYPE "public"."enum_discrepancies_recon_class";
  DROP TYPE "public"."enum_discrepancies_status";`)
}
