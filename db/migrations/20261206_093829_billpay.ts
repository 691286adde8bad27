import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_carrier_connectors_fetches" AS ENUM('report', 'invoices');
  CREATE TYPE "public"."enum_carrier_accounts_payment_method" AS ENUM('provider', 'bank_file');
  CREATE TYPE "public"."enum_service_inventory_kind" AS ENUM('line', 'circuit');
  CREATE TYPE "public"."enum_carrier_invoices_status" AS ENUM('pending_ingestion', 'processing', 'approval_needed', 'pending_payment', 'on_hold', 'payment_submitted', 'paid', 'rejected', 'error');
  CREATE TYPE "public"."enum_carrier_invoices_source" AS ENUM('portal', 'drop_folder', 'upload', 'rest');
  CREATE TYPE "public"."enum_carrier_invoices_file_type" AS ENUM('pdf', 'csv', 'x12_811', 'unknown');
  CREATE TYPE "public"."enum_invoice_payments_method" AS ENUM('provider', 'bank_file');
  CREATE TYPE "public"."enum_invoice_payments_status" AS ENUM('submitted', 'confirmed', 'failed');
  ALTER TYPE "public"."enum_rule_sets_purpose" ADD VALUE 'invoice_gl';
  ALTER TYPE "public"."enum_rule_sets_purpose" ADD VALUE 'invoice_approval';
  CREATE TABLE "carrier_accounts_shared_splits" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"cost_centre" varchar NOT NULL,
  	"percent" varchar NOT NULL
  );
  
  CREATE TABLE "carrier_accounts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"carrier_id" integer NOT NULL,
  	"account_number" varchar NOT NULL,
  	"enabled" boolean DEFAULT true,
  	"connector_id" integer,
  	"currency" varchar DEFAULT 'USD' NOT NULL,
  	"default_cost_centre" varchar NOT NULL,
  	"location" varchar,
  	"gl_rules_id" integer,
  	"approval_rules_id" integer,
  	"history_factor" varchar DEFAULT '3',
  	"payment_method" "enum_carrier_accounts_payment_method" DEFAULT 'provider' NOT NULL,
  	"payee_name" varchar,
  	"remit_routing" varchar,
  	"remit_account" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "invoice_templates" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"carrier_id" integer NOT NULL,
  	"enabled" boolean DEFAULT true,
  	"definition" jsonb NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "service_inventory_splits" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"cost_centre" varchar NOT NULL,
  	"percent" varchar NOT NULL
  );
  
  CREATE TABLE "service_inventory" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"service_id" varchar NOT NULL,
  	"service_key" varchar,
  	"kind" "enum_service_inventory_kind" DEFAULT 'line' NOT NULL,
  	"account_id" integer,
  	"department" varchar,
  	"cost_centre" varchar,
  	"location" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "carrier_invoices" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"account_id" integer,
  	"carrier_id" integer,
  	"invoice_number" varchar,
  	"account_number" varchar,
  	"statement_date" date,
  	"due_date" date,
  	"currency" varchar,
  	"previous_balance" numeric(19, 4),
  	"payments" numeric(19, 4),
  	"new_charges" numeric(19, 4),
  	"taxes" numeric(19, 4),
  	"total_due" numeric(19, 4),
  	"status" "enum_carrier_invoices_status" DEFAULT 'pending_ingestion' NOT NULL,
  	"status_reason" varchar,
  	"problems" jsonb,
  	"checks" jsonb,
  	"source" "enum_carrier_invoices_source" NOT NULL,
  	"duplicate_of_id" integer,
  	"file_name" varchar NOT NULL,
  	"file_sha256" varchar NOT NULL,
  	"file_type" "enum_carrier_invoices_file_type" NOT NULL,
  	"file_size" numeric,
  	"pages" numeric,
  	"template" varchar,
  	"line_count" numeric,
  	"parsed_at" timestamp(3) with time zone,
  	"approved_by_id" integer,
  	"approved_at" timestamp(3) with time zone,
  	"released" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "invoice_lines" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"invoice_id" integer NOT NULL,
  	"line_no" numeric NOT NULL,
  	"service_id" varchar,
  	"description" varchar,
  	"charge_type" varchar,
  	"amount" numeric(19, 4),
  	"page" numeric,
  	"box" jsonb,
  	"gl_code" varchar,
  	"cost_centre" varchar,
  	"corrected" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "invoice_allocations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"invoice_id" integer NOT NULL,
  	"line_id" integer,
  	"line_no" numeric,
  	"gl_code" varchar NOT NULL,
  	"cost_centre" varchar NOT NULL,
  	"percent" varchar NOT NULL,
  	"amount" numeric(19, 4),
  	"currency" varchar NOT NULL,
  	"month" date,
  	"rule_version_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "invoice_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"invoice_id" integer NOT NULL,
  	"from_status" varchar,
  	"to_status" varchar,
  	"kind" varchar NOT NULL,
  	"reason" varchar,
  	"actor_id" integer,
  	"details" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "invoice_payments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"invoice_id" integer NOT NULL,
  	"amount" numeric(19, 4),
  	"currency" varchar NOT NULL,
  	"method" "enum_invoice_payments_method" NOT NULL,
  	"idempotency_key" varchar NOT NULL,
  	"status" "enum_invoice_payments_status" NOT NULL,
  	"provider_payment_id" varchar,
  	"confirmation" varchar,
  	"attempts" numeric DEFAULT 0,
  	"last_error" varchar,
  	"worker" varchar,
  	"submitted_at" timestamp(3) with time zone,
  	"confirmed_at" timestamp(3) with time zone,
  	"bank_file" varchar,
  	"voucher" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "carrier_connectors" ALTER COLUMN "mapping_id" DROP NOT NULL;
  ALTER TABLE "carrier_connectors" ADD COLUMN "fetches" "enum_carrier_connectors_fetches" DEFAULT 'report' NOT NULL;
  ALTER TABLE "carrier_accounts_shared_splits" ADD CONSTRAINT "carrier_accounts_shared_splits_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."carrier_accounts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "carrier_accounts" ADD CONSTRAINT "carrier_accounts_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "carrier_accounts" ADD CONSTRAINT "carrier_accounts_connector_id_carrier_connectors_id_fk" FOREIGN KEY ("connector_id") REFERENCES "public"."carrier_connectors"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "carrier_accounts" ADD CONSTRAINT "carrier_accounts_gl_rules_id_rule_sets_id_fk" FOREIGN KEY ("gl_rules_id") REFERENCES "public"."rule_sets"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "carrier_accounts" ADD CONSTRAINT "carrier_accounts_approval_rules_id_rule_sets_id_fk" FOREIGN KEY ("approval_rules_id") REFERENCES "public"."rule_sets"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "invoice_templates" ADD CONSTRAINT "invoice_templates_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "service_inventory_splits" ADD CONSTRAINT "service_inventory_splits_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."service_inventory"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "service_inventory" ADD CONSTRAINT "service_inventory_account_id_carrier_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."carrier_accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "carrier_invoices" ADD CONSTRAINT "carrier_invoices_account_id_carrier_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."carrier_accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "carrier_invoices" ADD CONSTRAINT "carrier_invoices_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "carrier_invoices" ADD CONSTRAINT "carrier_invoices_duplicate_of_id_carrier_invoices_id_fk" FOREIGN KEY ("duplicate_of_id") REFERENCES "public"."carrier_invoices"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "carrier_invoices" ADD CONSTRAINT "carrier_invoices_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_carrier_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."carrier_invoices"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "invoice_allocations" ADD CONSTRAINT "invoice_allocations_invoice_id_carrier_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."carrier_invoices"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "invoice_allocations" ADD CONSTRAINT "invoice_allocations_line_id_invoice_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."invoice_lines"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "invoice_allocations" ADD CONSTRAINT "invoice_allocations_rule_version_id_rule_versions_id_fk" FOREIGN KEY ("rule_version_id") REFERENCES "public"."rule_versions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "invoice_events" ADD CONSTRAINT "invoice_events_invoice_id_carrier_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."carrier_invoices"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "invoice_events" ADD CONSTRAINT "invoice_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "invoice_payments" ADD CONSTRAINT "invoice_payments_invoice_id_carrier_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."carrier_invoices"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "carrier_accounts_shared_splits_order_idx" ON "carrier_accounts_shared_splits" USING btree ("_order");
  CREATE INDEX "carrier_accounts_shared_splits_parent_id_idx" ON "carrier_accounts_shared_splits" USING btree ("_parent_id");
  CREATE INDEX "carrier_accounts_carrier_idx" ON "carrier_accounts" USING btree ("carrier_id");
  CREATE INDEX "carrier_accounts_account_number_idx" ON "carrier_accounts" USING btree ("account_number");
  CREATE INDEX "carrier_accounts_connector_idx" ON "carrier_accounts" USING btree ("connector_id");
  CREATE INDEX "carrier_accounts_gl_rules_idx" ON "carrier_accounts" USING btree ("gl_rules_id");
  CREATE INDEX "carrier_accounts_approval_rules_idx" ON "carrier_accounts" USING btree ("approval_rules_id");
  CREATE INDEX "carrier_accounts_updated_at_idx" ON "carrier_accounts" USING btree ("updated_at");
  CREATE INDEX "carrier_accounts_created_at_idx" ON "carrier_accounts" USING btree ("created_at");
  CREATE UNIQUE INDEX "carrier_accountNumber_idx" ON "carrier_accounts" USING btree ("carrier_id","account_number");
  CREATE UNIQUE INDEX "invoice_templates_name_idx" ON "invoice_templates" USING btree ("name");
  CREATE INDEX "invoice_templates_carrier_idx" ON "invoice_templates" USING btree ("carrier_id");
  CREATE INDEX "invoice_templates_updated_at_idx" ON "invoice_templates" USING btree ("updated_at");
  CREATE INDEX "invoice_templates_created_at_idx" ON "invoice_templates" USING btree ("created_at");
  CREATE INDEX "service_inventory_splits_order_idx" ON "service_inventory_splits" USING btree ("_order");
  CREATE INDEX "service_inventory_splits_parent_id_idx" ON "service_inventory_splits" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "service_inventory_service_key_idx" ON "service_inventory" USING btree ("service_key");
  CREATE INDEX "service_inventory_account_idx" ON "service_inventory" USING btree ("account_id");
  CREATE INDEX "service_inventory_updated_at_idx" ON "service_inventory" USING btree ("updated_at");
  CREATE INDEX "service_inventory_created_at_idx" ON "service_inventory" USING btree ("created_at");
  CREATE INDEX "carrier_invoices_account_idx" ON "carrier_invoices" USING btree ("account_id");
  CREATE INDEX "carrier_invoices_carrier_idx" ON "carrier_invoices" USING btree ("carrier_id");
  CREATE INDEX "carrier_invoices_invoice_number_idx" ON "carrier_invoices" USING btree ("invoice_number");
  CREATE INDEX "carrier_invoices_status_idx" ON "carrier_invoices" USING btree ("status");
  CREATE INDEX "carrier_invoices_duplicate_of_idx" ON "carrier_invoices" USING btree ("duplicate_of_id");
  CREATE UNIQUE INDEX "carrier_invoices_file_sha256_idx" ON "carrier_invoices" USING btree ("file_sha256");
  CREATE INDEX "carrier_invoices_approved_by_idx" ON "carrier_invoices" USING btree ("approved_by_id");
  CREATE INDEX "carrier_invoices_updated_at_idx" ON "carrier_invoices" USING btree ("updated_at");
  CREATE INDEX "carrier_invoices_created_at_idx" ON "carrier_invoices" USING btree ("created_at");
  CREATE INDEX "status_dueDate_idx" ON "carrier_invoices" USING btree ("status","due_date");
  CREATE INDEX "invoice_lines_invoice_idx" ON "invoice_lines" USING btree ("invoice_id");
  CREATE INDEX "invoice_lines_service_id_idx" ON "invoice_lines" USING btree ("service_id");
  CREATE INDEX "invoice_lines_updated_at_idx" ON "invoice_lines" USING btree ("updated_at");
  CREATE INDEX "invoice_lines_created_at_idx" ON "invoice_lines" USING btree ("created_at");
  CREATE UNIQUE INDEX "invoice_lineNo_idx" ON "invoice_lines" USING btree ("invoice_id","line_no");
  CREATE INDEX "invoice_allocations_invoice_idx" ON "invoice_allocations" USING btree ("invoice_id");
  CREATE INDEX "invoice_allocations_line_idx" ON "invoice_allocations" USING btree ("line_id");
  CREATE INDEX "invoice_allocations_rule_version_idx" ON "invoice_allocations" USING btree ("rule_version_id");
  CREATE INDEX "invoice_allocations_updated_at_idx" ON "invoice_allocations" USING btree ("updated_at");
  CREATE INDEX "invoice_allocations_created_at_idx" ON "invoice_allocations" USING btree ("created_at");
  CREATE INDEX "month_glCode_idx" ON "invoice_allocations" USING btree ("month","gl_code");
  CREATE INDEX "invoice_events_invoice_idx" ON "invoice_events" USING btree ("invoice_id");
  CREATE INDEX "invoice_events_actor_idx" ON "invoice_events" USING btree ("actor_id");
  CREATE INDEX "invoice_events_updated_at_idx" ON "invoice_events" USING btree ("updated_at");
  CREATE INDEX "invoice_events_created_at_idx" ON "invoice_events" USING btree ("created_at");
  CREATE INDEX "invoice_payments_invoice_idx" ON "invoice_payments" USING btree ("invoice_id");
  CREATE UNIQUE INDEX "invoice_payments_idempotency_key_idx" ON "invoice_payments" USING btree ("idempotency_key");
  CREATE INDEX "invoice_payments_status_idx" ON "invoice_payments" USING btree ("status");
  CREATE INDEX "invoice_payments_updated_at_idx" ON "invoice_payments" USING btree ("updated_at");
  CREATE INDEX "invoice_payments_created_at_idx" ON "invoice_payments" USING btree ("created_at");
  -- One invoice per account and number (a duplicate is kept, marked with duplicate_of, and never paid).
  CREATE UNIQUE INDEX "carrier_invoices_account_number_live_idx" ON "carrier_invoices" ("account_id", "invoice_number") WHERE "duplicate_of_id" IS NULL AND "account_id" IS NOT NULL AND "invoice_number" IS NOT NULL;
  -- One live payment per invoice: a second worker, a retry or a recovery can never add another.
  CREATE UNIQUE INDEX "invoice_payments_one_live_idx" ON "invoice_payments" ("invoice_id") WHERE "status" IN ('submitted', 'confirmed');
`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "carrier_accounts_shared_splits" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "carrier_accounts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "invoice_templates" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "service_inventory_splits" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "service_inventory" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "carrier_invoices" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "invoice_lines" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "invoice_allocations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "invoice_events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "invoice_payments" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "carrier_accounts_shared_splits" CASCADE;
  DROP TABLE "carrier_accounts" CASCADE;
  DROP TABLE "invoice_templates" CASCADE;
  DROP TABLE "service_inventory_splits" CASCADE;
  DROP TABLE "service_inventory" CASCADE;
  DROP TABLE "carrier_invoices" CASCADE;
  DROP TABLE "invoice_lines" CASCADE;
  DROP TABLE "invoice_allocations" CASCADE;
  DROP TABLE "invoice_events" CASCADE;
  DROP TABLE "invoice_payments" CASCADE;
  ALTER TABLE "rule_sets" ALTER COLUMN "purpose" SET DATA TYPE text;
  DROP TYPE "public"."enum_rule_sets_purpose";
  CREATE TYPE "public"."enum_rule_sets_purpose" AS ENUM('commission_amount', 'rank_qualification', 'network_bonus', 'order_volumes', 'rebate_line');
  ALTER TABLE "rule_sets" ALTER COLUMN "purpose" SET DATA TYPE "public"."enum_rule_sets_purpose" USING "purpose"::"public"."enum_rule_sets_purpose";
  ALTER TABLE "carrier_connectors" ALTER COLUMN "mapping_id" SET NOT NULL;
  ALTER TABLE "carrier_connectors" DROP COLUMN "fetches";
  DROP TYPE "public"."enum_carrier_connectors_fetches";
  DROP TYPE "public"."enum_carrier_accounts_payment_method";
  DROP TYPE "public"."enum_service_inventory_kind";
  DROP TYPE "public"."enum_carrier_invoices_status";
  DROP TYPE "public"."enum_carrier_invoices_source";
  DROP TYPE "public"."enum_carrier_invoices_file_type";
  DROP TYPE "public"."enum_invoice_payments_method";
  DROP TYPE "public"."enum_invoice_payments_status";`)
}
