import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_rebate_programs_kind" AS ENUM('per_unit', 'percent_of_price', 'price_exception', 'ship_and_debit', 'volume', 'growth', 'deal_registration', 'rule');
  CREATE TYPE "public"."enum_rebate_programs_status" AS ENUM('draft', 'submitted', 'approved', 'published', 'closed');
  CREATE TYPE "public"."enum_rebate_programs_tier_mode" AS ENUM('whole', 'slice');
  CREATE TYPE "public"."enum_rebate_programs_tier_basis" AS ENUM('amount', 'quantity');
  CREATE TYPE "public"."enum_rebate_programs_tier_rate" AS ENUM('percent', 'per_unit');
  CREATE TYPE "public"."enum_deals_status" AS ENUM('submitted', 'approved', 'rejected', 'expired');
  CREATE TYPE "public"."enum_deals_source" AS ENUM('portal', 'accrue');
  CREATE TYPE "public"."enum_deal_syncs_status" AS ENUM('succeeded', 'failed');
  CREATE TYPE "public"."enum_rebate_accruals_status" AS ENUM('open', 'claimed', 'credited', 'expired');
  CREATE TYPE "public"."enum_rebate_claims_status" AS ENUM('in_review', 'finance_review', 'approved', 'credited', 'rejected');
  CREATE TYPE "public"."enum_rebate_claims_source" AS ENUM('portal', 'rest', 'spreadsheet');
  CREATE TYPE "public"."enum_rebate_claim_lines_status" AS ENUM('approved', 'rejected', 'needs_review', 'disputed');
  CREATE TYPE "public"."enum_rebate_claim_lines_dispute" AS ENUM('open', 'resolved');
  CREATE TYPE "public"."enum_rebate_claim_messages_kind" AS ENUM('dispute', 'answer', 'resolution');
  CREATE TYPE "public"."enum_credit_memos_status" AS ENUM('pending', 'issued', 'applied', 'refused');
  ALTER TYPE "public"."enum_import_mappings_value_maps_field" ADD VALUE 'productCode';
  ALTER TYPE "public"."enum_import_mappings_value_maps_field" ADD VALUE 'partnerCode';
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'partnerCode';
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'invoiceNumber';
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'invoiceLine';
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'soldOn';
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'endCustomer';
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'unitCost';
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'regionCode';
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'dealNumber';
  ALTER TYPE "public"."enum_import_mappings_source" ADD VALUE 'pos_lines';
  ALTER TYPE "public"."enum_imports_source" ADD VALUE 'pos_lines';
  ALTER TYPE "public"."enum_rule_sets_purpose" ADD VALUE 'rebate_line';
  ALTER TYPE "public"."enum_schedules_task" ADD VALUE 'rebateHousekeeping';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'pushCreditMemo';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'rebateHousekeeping';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'pushCreditMemo';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'rebateHousekeeping';
  CREATE TABLE "rebate_programs_tiers" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"from" numeric(19, 4),
  	"rate" numeric(19, 4)
  );
  
  CREATE TABLE "rebate_programs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar NOT NULL,
  	"name" varchar NOT NULL,
  	"kind" "enum_rebate_programs_kind" NOT NULL,
  	"status" "enum_rebate_programs_status" DEFAULT 'draft' NOT NULL,
  	"currency" varchar DEFAULT 'USD' NOT NULL,
  	"effective_from" date,
  	"effective_to" date,
  	"rate_per_unit" numeric(19, 4),
  	"percent" numeric(19, 4),
  	"agreed_price" numeric(19, 4),
  	"tier_mode" "enum_rebate_programs_tier_mode" DEFAULT 'whole',
  	"tier_basis" "enum_rebate_programs_tier_basis" DEFAULT 'amount',
  	"tier_rate" "enum_rebate_programs_tier_rate" DEFAULT 'percent',
  	"baseline_from" date,
  	"baseline_to" date,
  	"rule_set_id" integer,
  	"funding_cap" numeric(19, 4),
  	"partner_cap" numeric(19, 4),
  	"finance_approval_above" numeric(19, 4),
  	"claim_window_days" numeric DEFAULT 90 NOT NULL,
  	"notes" varchar,
  	"submitted_by_id" integer,
  	"approved_by_id" integer,
  	"last_edited_by_id" integer,
  	"approved_at" timestamp(3) with time zone,
  	"published_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "rebate_programs_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "rebate_programs_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"territories_id" integer,
  	"participants_id" integer,
  	"products_id" integer
  );
  
  CREATE TABLE "pos_lines" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"partner_id" integer NOT NULL,
  	"invoice_number" varchar NOT NULL,
  	"invoice_line" numeric NOT NULL,
  	"sold_on" date,
  	"end_customer" varchar NOT NULL,
  	"product_id" integer NOT NULL,
  	"quantity" numeric NOT NULL,
  	"currency" varchar NOT NULL,
  	"unit_price" numeric(19, 4),
  	"unit_cost" numeric(19, 4),
  	"region_id" integer,
  	"deal_number" varchar,
  	"import_id" integer,
  	"source_row" numeric,
  	"natural_key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "deals_lines" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"product_id" integer NOT NULL,
  	"quantity" numeric NOT NULL,
  	"special_price" numeric(19, 4)
  );
  
  CREATE TABLE "deals" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"number" varchar NOT NULL,
  	"partner_id" integer NOT NULL,
  	"end_customer" varchar NOT NULL,
  	"status" "enum_deals_status" DEFAULT 'submitted' NOT NULL,
  	"currency" varchar DEFAULT 'USD' NOT NULL,
  	"expires_on" date,
  	"source" "enum_deals_source" DEFAULT 'accrue' NOT NULL,
  	"external_updated_at" varchar,
  	"decided_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "deal_syncs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"status" "enum_deal_syncs_status" NOT NULL,
  	"since" varchar,
  	"cursor" varchar,
  	"fetched" numeric DEFAULT 0,
  	"created" numeric DEFAULT 0,
  	"updated" numeric DEFAULT 0,
  	"rejected" numeric DEFAULT 0,
  	"rejects" jsonb,
  	"error" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "rebate_accruals" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"pos_line_id" integer NOT NULL,
  	"program_id" integer NOT NULL,
  	"partner_id" integer NOT NULL,
  	"sold_on" date,
  	"quantity" numeric NOT NULL,
  	"amount" numeric(19, 4),
  	"currency" varchar NOT NULL,
  	"expires_on" date,
  	"status" "enum_rebate_accruals_status" DEFAULT 'open' NOT NULL,
  	"released_on" date,
  	"rule_version_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "rebate_claims" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"number" varchar NOT NULL,
  	"partner_id" integer NOT NULL,
  	"status" "enum_rebate_claims_status" NOT NULL,
  	"source" "enum_rebate_claims_source" NOT NULL,
  	"currency" varchar NOT NULL,
  	"claimed_total" numeric(19, 4),
  	"approved_total" numeric(19, 4),
  	"submitted_by_id" integer,
  	"submitted_at" timestamp(3) with time zone NOT NULL,
  	"ops_approved_by_id" integer,
  	"finance_approved_by_id" integer,
  	"decided_at" timestamp(3) with time zone,
  	"rejection_reason" varchar,
  	"history" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "rebate_claim_lines" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"claim_id" integer NOT NULL,
  	"line_number" numeric NOT NULL,
  	"partner_id" integer NOT NULL,
  	"pos_line_id" integer,
  	"program_id" integer,
  	"reference" varchar NOT NULL,
  	"quantity" numeric NOT NULL,
  	"claimed_amount" numeric(19, 4),
  	"amount" numeric(19, 4),
  	"status" "enum_rebate_claim_lines_status" NOT NULL,
  	"reason" varchar NOT NULL,
  	"dispute" "enum_rebate_claim_lines_dispute",
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "rebate_claim_messages" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"line_id" integer NOT NULL,
  	"partner_id" integer NOT NULL,
  	"kind" "enum_rebate_claim_messages_kind" NOT NULL,
  	"author_id" integer,
  	"body" varchar NOT NULL,
  	"attachment_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "rebate_attachments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"partner_id" integer NOT NULL,
  	"uploaded_by_id" integer,
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
  
  CREATE TABLE "credit_memos" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"number" varchar NOT NULL,
  	"claim_id" integer NOT NULL,
  	"partner_id" integer NOT NULL,
  	"amount" numeric(19, 4),
  	"currency" varchar NOT NULL,
  	"memo_date" date,
  	"status" "enum_credit_memos_status" NOT NULL,
  	"erp_id" varchar,
  	"erp_number" varchar,
  	"attempts" numeric DEFAULT 0,
  	"last_error" varchar,
  	"issued_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "import_mappings" ADD COLUMN "partner_id" integer;
  ALTER TABLE "products" ADD COLUMN "family" varchar;
  ALTER TABLE "rebate_programs_tiers" ADD CONSTRAINT "rebate_programs_tiers_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."rebate_programs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "rebate_programs" ADD CONSTRAINT "rebate_programs_rule_set_id_rule_sets_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."rule_sets"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rebate_programs" ADD CONSTRAINT "rebate_programs_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rebate_programs" ADD CONSTRAINT "rebate_programs_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rebate_programs" ADD CONSTRAINT "rebate_programs_last_edited_by_id_users_id_fk" FOREIGN KEY ("last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rebate_programs_texts" ADD CONSTRAINT "rebate_programs_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."rebate_programs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "rebate_programs_rels" ADD CONSTRAINT "rebate_programs_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."rebate_programs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "rebate_programs_rels" ADD CONSTRAINT "rebate_programs_rels_territories_fk" FOREIGN KEY ("territories_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "rebate_programs_rels" ADD CONSTRAINT "rebate_programs_rels_participants_fk" FOREIGN KEY ("participants_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "rebate_programs_rels" ADD CONSTRAINT "rebate_programs_rels_products_fk" FOREIGN KEY ("products_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "pos_lines" ADD CONSTRAINT "pos_lines_partner_id_participants_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pos_lines" ADD CONSTRAINT "pos_lines_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pos_lines" ADD CONSTRAINT "pos_lines_region_id_territories_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."territories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pos_lines" ADD CONSTRAINT "pos_lines_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "deals_lines" ADD CONSTRAINT "deals_lines_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "deals_lines" ADD CONSTRAINT "deals_lines_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "deals" ADD CONSTRAINT "deals_partner_id_participants_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "deals" ADD CONSTRAINT "deals_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rebate_accruals" ADD CONSTRAINT "rebate_accruals_pos_line_id_pos_lines_id_fk" FOREIGN KEY ("pos_line_id") REFERENCES "public"."pos_lines"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rebate_accruals" ADD CONSTRAINT "rebate_accruals_program_id_rebate_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."rebate_programs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rebate_accruals" ADD CONSTRAINT "rebate_accruals_partner_id_participants_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rebate_accruals" ADD CONSTRAINT "rebate_accruals_rule_version_id_rule_versions_id_fk" FOREIGN KEY ("rule_version_id") REFERENCES "public"."rule_versions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rebate_claims" ADD CONSTRAINT "rebate_claims_partner_id_participants_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rebate_claims" ADD CONSTRAINT "rebate_claims_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rebate_claims" ADD CONSTRAINT "rebate_claims_ops_approved_by_id_users_id_fk" FOREIGN KEY ("ops_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rebate_claims" ADD CONSTRAINT "rebate_claims_finance_approved_by_id_users_id_fk" FOREIGN KEY ("finance_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rebate_claim_lines" ADD CONSTRAINT "rebate_claim_lines_claim_id_rebate_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."rebate_claims"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rebate_claim_lines" ADD CONSTRAINT "rebate_claim_lines_partner_id_participants_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rebate_claim_lines" ADD CONSTRAINT "rebate_claim_lines_pos_line_id_pos_lines_id_fk" FOREIGN KEY ("pos_line_id") REFERENCES "public"."pos_lines"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rebate_claim_lines" ADD CONSTRAINT "rebate_claim_lines_program_id_rebate_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."rebate_programs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rebate_claim_messages" ADD CONSTRAINT "rebate_claim_messages_line_id_rebate_claim_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."rebate_claim_lines"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rebate_claim_messages" ADD CONSTRAINT "rebate_claim_messages_partner_id_participants_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rebate_claim_messages" ADD CONSTRAINT "rebate_claim_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rebate_claim_messages" ADD CONSTRAINT "rebate_claim_messages_attachment_id_rebate_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."rebate_attachments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rebate_attachments" ADD CONSTRAINT "rebate_attachments_partner_id_participants_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rebate_attachments" ADD CONSTRAINT "rebate_attachments_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "credit_memos" ADD CONSTRAINT "credit_memos_claim_id_rebate_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."rebate_claims"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "credit_memos" ADD CONSTRAINT "credit_memos_partner_id_participants_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "rebate_programs_tiers_order_idx" ON "rebate_programs_tiers" USING btree ("_order");
  CREATE INDEX "rebate_programs_tiers_parent_id_idx" ON "rebate_programs_tiers" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "rebate_programs_code_idx" ON "rebate_programs" USING btree ("code");
  CREATE INDEX "rebate_programs_rule_set_idx" ON "rebate_programs" USING btree ("rule_set_id");
  CREATE INDEX "rebate_programs_submitted_by_idx" ON "rebate_programs" USING btree ("submitted_by_id");
  CREATE INDEX "rebate_programs_approved_by_idx" ON "rebate_programs" USING btree ("approved_by_id");
  CREATE INDEX "rebate_programs_last_edited_by_idx" ON "rebate_programs" USING btree ("last_edited_by_id");
  CREATE INDEX "rebate_programs_updated_at_idx" ON "rebate_programs" USING btree ("updated_at");
  CREATE INDEX "rebate_programs_created_at_idx" ON "rebate_programs" USING btree ("created_at");
  CREATE INDEX "rebate_programs_texts_order_parent" ON "rebate_programs_texts" USING btree ("order","parent_id");
  CREATE INDEX "rebate_programs_rels_order_idx" ON "rebate_programs_rels" USING btree ("order");
  CREATE INDEX "rebate_programs_rels_parent_idx" ON "rebate_programs_rels" USING btree ("parent_id");
  CREATE INDEX "rebate_programs_rels_path_idx" ON "rebate_programs_rels" USING btree ("path");
  CREATE INDEX "rebate_programs_rels_territories_id_idx" ON "rebate_programs_rels" USING btree ("territories_id");
  CREATE INDEX "rebate_programs_rels_participants_id_idx" ON "rebate_programs_rels" USING btree ("participants_id");
  CREATE INDEX "rebate_programs_rels_products_id_idx" ON "rebate_programs_rels" USING btree ("products_id");
  CREATE INDEX "pos_lines_partner_idx" ON "pos_lines" USING btree ("partner_id");
  CREATE INDEX "pos_lines_sold_on_idx" ON "pos_lines" USING btree ("sold_on");
  CREATE INDEX "pos_lines_product_idx" ON "pos_lines" USING btree ("product_id");
  CREATE INDEX "pos_lines_region_idx" ON "pos_lines" USING btree ("region_id");
  CREATE INDEX "pos_lines_deal_number_idx" ON "pos_lines" USING btree ("deal_number");
  CREATE INDEX "pos_lines_import_idx" ON "pos_lines" USING btree ("import_id");
  CREATE UNIQUE INDEX "pos_lines_natural_key_idx" ON "pos_lines" USING btree ("natural_key");
  CREATE INDEX "pos_lines_updated_at_idx" ON "pos_lines" USING btree ("updated_at");
  CREATE INDEX "pos_lines_created_at_idx" ON "pos_lines" USING btree ("created_at");
  CREATE INDEX "partner_soldOn_idx" ON "pos_lines" USING btree ("partner_id","sold_on");
  CREATE INDEX "deals_lines_order_idx" ON "deals_lines" USING btree ("_order");
  CREATE INDEX "deals_lines_parent_id_idx" ON "deals_lines" USING btree ("_parent_id");
  CREATE INDEX "deals_lines_product_idx" ON "deals_lines" USING btree ("product_id");
  CREATE UNIQUE INDEX "deals_number_idx" ON "deals" USING btree ("number");
  CREATE INDEX "deals_partner_idx" ON "deals" USING btree ("partner_id");
  CREATE INDEX "deals_decided_by_idx" ON "deals" USING btree ("decided_by_id");
  CREATE INDEX "deals_updated_at_idx" ON "deals" USING btree ("updated_at");
  CREATE INDEX "deals_created_at_idx" ON "deals" USING btree ("created_at");
  CREATE INDEX "deal_syncs_updated_at_idx" ON "deal_syncs" USING btree ("updated_at");
  CREATE INDEX "deal_syncs_created_at_idx" ON "deal_syncs" USING btree ("created_at");
  CREATE INDEX "rebate_accruals_pos_line_idx" ON "rebate_accruals" USING btree ("pos_line_id");
  CREATE INDEX "rebate_accruals_program_idx" ON "rebate_accruals" USING btree ("program_id");
  CREATE INDEX "rebate_accruals_partner_idx" ON "rebate_accruals" USING btree ("partner_id");
  CREATE INDEX "rebate_accruals_status_idx" ON "rebate_accruals" USING btree ("status");
  CREATE INDEX "rebate_accruals_rule_version_idx" ON "rebate_accruals" USING btree ("rule_version_id");
  CREATE INDEX "rebate_accruals_updated_at_idx" ON "rebate_accruals" USING btree ("updated_at");
  CREATE INDEX "rebate_accruals_created_at_idx" ON "rebate_accruals" USING btree ("created_at");
  CREATE UNIQUE INDEX "posLine_program_idx" ON "rebate_accruals" USING btree ("pos_line_id","program_id");
  CREATE INDEX "program_partner_idx" ON "rebate_accruals" USING btree ("program_id","partner_id");
  CREATE UNIQUE INDEX "rebate_claims_number_idx" ON "rebate_claims" USING btree ("number");
  CREATE INDEX "rebate_claims_partner_idx" ON "rebate_claims" USING btree ("partner_id");
  CREATE INDEX "rebate_claims_status_idx" ON "rebate_claims" USING btree ("status");
  CREATE INDEX "rebate_claims_submitted_by_idx" ON "rebate_claims" USING btree ("submitted_by_id");
  CREATE INDEX "rebate_claims_ops_approved_by_idx" ON "rebate_claims" USING btree ("ops_approved_by_id");
  CREATE INDEX "rebate_claims_finance_approved_by_idx" ON "rebate_claims" USING btree ("finance_approved_by_id");
  CREATE INDEX "rebate_claims_updated_at_idx" ON "rebate_claims" USING btree ("updated_at");
  CREATE INDEX "rebate_claims_created_at_idx" ON "rebate_claims" USING btree ("created_at");
  CREATE INDEX "rebate_claim_lines_claim_idx" ON "rebate_claim_lines" USING btree ("claim_id");
  CREATE INDEX "rebate_claim_lines_partner_idx" ON "rebate_claim_lines" USING btree ("partner_id");
  CREATE INDEX "rebate_claim_lines_pos_line_idx" ON "rebate_claim_lines" USING btree ("pos_line_id");
  CREATE INDEX "rebate_claim_lines_program_idx" ON "rebate_claim_lines" USING btree ("program_id");
  CREATE INDEX "rebate_claim_lines_status_idx" ON "rebate_claim_lines" USING btree ("status");
  CREATE INDEX "rebate_claim_lines_updated_at_idx" ON "rebate_claim_lines" USING btree ("updated_at");
  CREATE INDEX "rebate_claim_lines_created_at_idx" ON "rebate_claim_lines" USING btree ("created_at");
  CREATE INDEX "rebate_claim_messages_line_idx" ON "rebate_claim_messages" USING btree ("line_id");
  CREATE INDEX "rebate_claim_messages_partner_idx" ON "rebate_claim_messages" USING btree ("partner_id");
  CREATE INDEX "rebate_claim_messages_author_idx" ON "rebate_claim_messages" USING btree ("author_id");
  CREATE INDEX "rebate_claim_messages_attachment_idx" ON "rebate_claim_messages" USING btree ("attachment_id");
  CREATE INDEX "rebate_claim_messages_updated_at_idx" ON "rebate_claim_messages" USING btree ("updated_at");
  CREATE INDEX "rebate_claim_messages_created_at_idx" ON "rebate_claim_messages" USING btree ("created_at");
  CREATE INDEX "rebate_attachments_partner_idx" ON "rebate_attachments" USING btree ("partner_id");
  CREATE INDEX "rebate_attachments_uploaded_by_idx" ON "rebate_attachments" USING btree ("uploaded_by_id");
  CREATE INDEX "rebate_attachments_updated_at_idx" ON "rebate_attachments" USING btree ("updated_at");
  CREATE INDEX "rebate_attachments_created_at_idx" ON "rebate_attachments" USING btree ("created_at");
  CREATE UNIQUE INDEX "rebate_attachments_filename_idx" ON "rebate_attachments" USING btree ("filename");
  CREATE UNIQUE INDEX "credit_memos_number_idx" ON "credit_memos" USING btree ("number");
  CREATE UNIQUE INDEX "credit_memos_claim_idx" ON "credit_memos" USING btree ("claim_id");
  CREATE INDEX "credit_memos_partner_idx" ON "credit_memos" USING btree ("partner_id");
  CREATE INDEX "credit_memos_status_idx" ON "credit_memos" USING btree ("status");
  CREATE INDEX "credit_memos_updated_at_idx" ON "credit_memos" USING btree ("updated_at");
  CREATE INDEX "credit_memos_created_at_idx" ON "credit_memos" USING btree ("created_at");
  ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_partner_id_participants_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "import_mappings_partner_idx" ON "import_mappings" USING btree ("partner_id");
  CREATE INDEX "products_family_idx" ON "products" USING btree ("family");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "rebate_programs_tiers" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "rebate_programs" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "rebate_programs_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "rebate_programs_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "pos_lines" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "deals_lines" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "deals" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "deal_syncs" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "rebate_accruals" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "rebate_claims" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "rebate_claim_lines" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "rebate_claim_messages" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "rebate_attachments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "credit_memos" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "rebate_programs_tiers" CASCADE;
  DROP TABLE "rebate_programs" CASCADE;
  DROP TABLE "rebate_programs_texts" CASCADE;
  DROP TABLE "rebate_programs_rels" CASCADE;
  DROP TABLE "pos_lines" CASCADE;
  DROP TABLE "deals_lines" CASCADE;
  DROP TABLE "deals" CASCADE;
  DROP TABLE "deal_syncs" CASCADE;
  DROP TABLE "rebate_accruals" CASCADE;
  DROP TABLE "rebate_claims" CASCADE;
  DROP TABLE "rebate_claim_lines" CASCADE;
  DROP TABLE "rebate_claim_messages" CASCADE;
  DROP TABLE "rebate_attachments" CASCADE;
  DROP TABLE "credit_memos" CASCADE;
  ALTER TABLE "import_mappings" DROP CONSTRAINT "import_mappings_partner_id_participants_id_fk";
  
  ALTER TABLE "import_mappings_value_maps" ALTER COLUMN "field" SET DATA TYPE text;
  DROP TYPE "public"."enum_import_mappings_value_maps_field";
  CREATE TYPE "public"."enum_import_mappings_value_maps_field" AS ENUM('dealerCode', 'carrierCode', 'activationType', 'ratePlanCode', 'features', 'lineStatus');
  ALTER TABLE "import_mappings_value_maps" ALTER COLUMN "field" SET DATA TYPE "public"."enum_import_mappings_value_maps_field" USING "field"::"public"."enum_import_mappings_value_maps_field";
  ALTER TABLE "import_mappings_columns" ALTER COLUMN "field" SET DATA TYPE text;
  DROP TYPE "public"."enum_import_mappings_columns_field";
  CREATE TYPE "public"."enum_import_mappings_columns_field" AS ENUM('dealerCode', 'saleDate', 'carrierCode', 'activationType', 'mdn', 'iccid', 'imei', 'ratePlanCode', 'features', 'customerAccount', 'activationDate', 'lineStatus', 'deactivationDate', 'paidActivation', 'paidFeatures', 'paidSpiff', 'clientCode', 'serviceCode', 'chargedOn', 'frequency', 'charged', 'commissionable', 'nonCommissionable', 'orderNumber', 'line', 'kind', 'bookedOn', 'consultantCode', 'customer', 'productCode', 'quantity', 'currency', 'unitPrice', 'discount', 'returnOfOrder', 'returnOfLine');
  ALTER TABLE "import_mappings_columns" ALTER COLUMN "field" SET DATA TYPE "public"."enum_import_mappings_columns_field" USING "field"::"public"."enum_import_mappings_columns_field";
  ALTER TABLE "import_mappings" ALTER COLUMN "source" SET DATA TYPE text;
  DROP TYPE "public"."enum_import_mappings_source";
  CREATE TYPE "public"."enum_import_mappings_source" AS ENUM('dealer_sales', 'carrier_records', 'billing_lines', 'network_orders');
  ALTER TABLE "import_mappings" ALTER COLUMN "source" SET DATA TYPE "public"."enum_import_mappings_source" USING "source"::"public"."enum_import_mappings_source";
  ALTER TABLE "imports" ALTER COLUMN "source" SET DATA TYPE text;
  DROP TYPE "public"."enum_imports_source";
  CREATE TYPE "public"."enum_imports_source" AS ENUM('dealer_sales', 'carrier_records', 'billing_lines', 'network_orders');
  ALTER TABLE "imports" ALTER COLUMN "source" SET DATA TYPE "public"."enum_imports_source" USING "source"::"public"."enum_imports_source";
  ALTER TABLE "rule_sets" ALTER COLUMN "purpose" SET DATA TYPE text;
  DROP TYPE "public"."enum_rule_sets_purpose";
  CREATE TYPE "public"."enum_rule_sets_purpose" AS ENUM('commission_amount', 'rank_qualification', 'network_bonus', 'order_volumes');
  ALTER TABLE "rule_sets" ALTER COLUMN "purpose" SET DATA TYPE "public"."enum_rule_sets_purpose" USING "purpose"::"public"."enum_rule_sets_purpose";
  ALTER TABLE "schedules" ALTER COLUMN "task" SET DATA TYPE text;
  DROP TYPE "public"."enum_schedules_task";
  CREATE TYPE "public"."enum_schedules_task" AS ENUM('verifyNetwork', 'scrapeCarrier', 'commissionRun', 'runPipeline');
  ALTER TABLE "schedules" ALTER COLUMN "task" SET DATA TYPE "public"."enum_schedules_task" USING "task"::"public"."enum_schedules_task";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'verifyNetwork', 'runImport', 'reconcile', 'scrapeCarrier', 'commissionRun', 'generateStatements', 'payBatch', 'pipelineStep', 'runPipeline');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'verifyNetwork', 'runImport', 'reconcile', 'scrapeCarrier', 'commissionRun', 'generateStatements', 'payBatch', 'pipelineStep', 'runPipeline');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "import_mappings_partner_idx";
  DROP INDEX "products_family_idx";
  ALTER TABLE "import_mappings" DROP COLUMN "partner_id";
  ALTER TABLE "products" DROP COLUMN "family";
  DROP TYPE "public"."enum_rebate_programs_kind";
  DROP TYPE "public"."enum_rebate_programs_status";
  DROP TYPE "public"."enum_rebate_programs_tier_mode";
  DROP TYPE "public"."enum_rebate_programs_tier_basis";
  DROP TYPE "public"."enum_rebate_programs_tier_rate";
  DROP TYPE "public"."enum_deals_status";
  DROP TYPE "public"."enum_deals_source";
  DROP TYPE "public"."enum_deal_syncs_status";
  DROP TYPE "public"."enum_rebate_accruals_status";
  DROP TYPE "public"."enum_rebate_claims_status";
  DROP TYPE "public"."enum_rebate_claims_source";
  DROP TYPE "public"."enum_rebate_claim_lines_status";
  DROP TYPE "public"."enum_rebate_claim_lines_dispute";
  DROP TYPE "public"."enum_rebate_claim_messages_kind";
  DROP TYPE "public"."enum_credit_memos_status";`)
}
