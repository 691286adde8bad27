import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_loyalty_programs_expiry_policy" AS ENUM('months', 'campaign_end', 'never');
  CREATE TYPE "public"."enum_points_movements_kind" AS ENUM('earn', 'redeem', 'expire', 'convert', 'adjust', 'reverse');
  CREATE TYPE "public"."enum_points_movements_source" AS ENUM('catalog', 'rule', 'incentive', 'referral', 'bonus', 'redemption', 'conversion', 'expiry', 'return', 'adjustment');
  CREATE TYPE "public"."enum_points_redemptions_status" AS ENUM('placed', 'reversed');
  CREATE TYPE "public"."enum_wallet_entries_kind" AS ENUM('points_conversion', 'currency_conversion', 'commission_exchange', 'credit_note', 'order_payment', 'referral', 'adjustment', 'reversal');
  CREATE TYPE "public"."enum_coupons_kind" AS ENUM('amount', 'percent');
  CREATE TYPE "public"."enum_coupons_status" AS ENUM('issued', 'used', 'void');
  CREATE TYPE "public"."enum_order_incentives_status" AS ENUM('processed', 'returned');
  CREATE TYPE "public"."enum_loyalty_goals_checklist_metric" AS ENUM('manual', 'points_earned', 'sales_amount', 'referrals', 'rank');
  CREATE TYPE "public"."enum_loyalty_goals_award" AS ENUM('product', 'trip', 'recognition', 'tribute', 'convention', 'car', 'administrative_support');
  CREATE TYPE "public"."enum_tickets_type" AS ENUM('network_management', 'activation', 'commissions', 'incentives');
  CREATE TYPE "public"."enum_tickets_status" AS ENUM('open', 'in_progress', 'waiting_on_consultant', 'resolved', 'closed');
  CREATE TYPE "public"."enum_tickets_priority" AS ENUM('low', 'normal', 'high', 'urgent');
  CREATE TYPE "public"."enum_tickets_source" AS ENUM('portal', 'admin', 'bulk', 'api');
  CREATE TYPE "public"."enum_ticket_events_from_status" AS ENUM('open', 'in_progress', 'waiting_on_consultant', 'resolved', 'closed');
  CREATE TYPE "public"."enum_ticket_events_to_status" AS ENUM('open', 'in_progress', 'waiting_on_consultant', 'resolved', 'closed');
  CREATE TYPE "public"."enum_ticket_queues_types" AS ENUM('network_management', 'activation', 'commissions', 'incentives');
  CREATE TYPE "public"."enum_dashboard_grants_roles" AS ENUM('company_admin', 'company_user', 'partner_admin', 'partner_user', 'territory_owner_admin', 'territory_owner_user', 'agent_manager', 'agent', 'referrer', 'finance', 'auditor');
  CREATE TYPE "public"."enum_dashboard_grants_item" AS ENUM('widget:sales_by_month', 'widget:sales_by_region', 'widget:network_activity', 'widget:network_growth', 'widget:network_by_rank', 'widget:network_by_region', 'widget:points_by_campaign', 'widget:tickets_by_status', 'widget:tickets_by_type', 'widget:tickets_by_queue', 'report:sales', 'report:invoices', 'report:product_invoices', 'report:accumulated_points', 'report:points_per_campaign', 'report:incentives_pending_orders', 'report:clients_by_status');
  ALTER TYPE "public"."enum_rule_sets_purpose" ADD VALUE 'points_earn';
  ALTER TYPE "public"."enum_rule_sets_purpose" ADD VALUE 'order_incentive';
  ALTER TYPE "public"."enum_rule_sets_purpose" ADD VALUE 'referral_reward';
  CREATE TABLE "loyalty_programs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar NOT NULL,
  	"name" varchar NOT NULL,
  	"unit_name" varchar DEFAULT 'points' NOT NULL,
  	"active" boolean DEFAULT true,
  	"expiry_policy" "enum_loyalty_programs_expiry_policy" DEFAULT 'months' NOT NULL,
  	"expiry_months" numeric,
  	"expiry_campaigns" numeric,
  	"earn_rules_id" integer,
  	"incentive_rules_id" integer,
  	"referral_rules_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "points_movements" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"program_id" integer NOT NULL,
  	"consultant_id" integer NOT NULL,
  	"customer" varchar,
  	"kind" "enum_points_movements_kind" NOT NULL,
  	"points" numeric NOT NULL,
  	"booked_on" date,
  	"expires_on" date,
  	"lot_id" integer,
  	"source" "enum_points_movements_source" NOT NULL,
  	"label" varchar,
  	"order_number" varchar,
  	"order_line_id" integer,
  	"campaign_id" integer,
  	"referral_id" integer,
  	"redemption_id" integer,
  	"wallet_entry_id" integer,
  	"rule_version_id" integer,
  	"rate" varchar,
  	"reversal_of_id" integer,
  	"created_by_id" integer,
  	"natural_key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "points_redemptions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"program_id" integer NOT NULL,
  	"consultant_id" integer NOT NULL,
  	"customer" varchar,
  	"product_id" integer NOT NULL,
  	"quantity" numeric NOT NULL,
  	"points" numeric NOT NULL,
  	"order_number" varchar,
  	"status" "enum_points_redemptions_status" DEFAULT 'placed' NOT NULL,
  	"reversed_reason" varchar,
  	"created_by_id" integer,
  	"request_key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "wallet_entries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"consultant_id" integer NOT NULL,
  	"customer" varchar,
  	"currency" varchar NOT NULL,
  	"amount" numeric(19, 4),
  	"kind" "enum_wallet_entries_kind" NOT NULL,
  	"booked_on" date,
  	"expires_on" date,
  	"label" varchar,
  	"rate" varchar,
  	"rate_source_id" integer,
  	"counterpart_id" integer,
  	"order_number" varchar,
  	"rule_version_id" integer,
  	"created_by_id" integer,
  	"natural_key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "conversion_rates" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"from_unit" varchar NOT NULL,
  	"to_unit" varchar NOT NULL,
  	"rate" varchar NOT NULL,
  	"valid_from" date,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "coupons" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar NOT NULL,
  	"consultant_id" integer NOT NULL,
  	"customer" varchar,
  	"kind" "enum_coupons_kind" NOT NULL,
  	"value" numeric(19, 4),
  	"currency" varchar NOT NULL,
  	"expires_on" date,
  	"status" "enum_coupons_status" DEFAULT 'issued' NOT NULL,
  	"label" varchar,
  	"issued_on_order" varchar,
  	"rule_version_id" integer,
  	"used_on_order" varchar,
  	"used_at" timestamp(3) with time zone,
  	"natural_key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "order_incentives" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order_number" varchar NOT NULL,
  	"consultant_id" integer NOT NULL,
  	"customer" varchar,
  	"order_date" timestamp(3) with time zone NOT NULL,
  	"currency" varchar NOT NULL,
  	"subtotal" numeric(19, 4),
  	"discount" numeric(19, 4),
  	"freight" numeric(19, 4),
  	"freight_charged" numeric(19, 4),
  	"coupon_discount" numeric(19, 4),
  	"credit_used" numeric(19, 4),
  	"total" numeric(19, 4),
  	"coupon_id" integer,
  	"points_redeemed" numeric DEFAULT 0,
  	"applied" jsonb,
  	"rule_version_id" integer,
  	"status" "enum_order_incentives_status" DEFAULT 'processed' NOT NULL,
  	"created_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "customer_lists" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar NOT NULL,
  	"name" varchar NOT NULL,
  	"customers" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "customer_lists_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"participants_id" integer
  );
  
  CREATE TABLE "loyalty_goals_checklist" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar NOT NULL,
  	"metric" "enum_loyalty_goals_checklist_metric" DEFAULT 'manual' NOT NULL,
  	"target" varchar
  );
  
  CREATE TABLE "loyalty_goals" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"award" "enum_loyalty_goals_award" NOT NULL,
  	"award_description" varchar,
  	"starts_on" date,
  	"ends_on" date,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "goal_checks" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"goal_id" integer NOT NULL,
  	"consultant_id" integer NOT NULL,
  	"item" varchar NOT NULL,
  	"note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "tickets" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"number" varchar NOT NULL,
  	"subject" varchar NOT NULL,
  	"description" varchar,
  	"consultant_id" integer NOT NULL,
  	"type" "enum_tickets_type" NOT NULL,
  	"queue_id" integer,
  	"status" "enum_tickets_status" DEFAULT 'open' NOT NULL,
  	"priority" "enum_tickets_priority" DEFAULT 'normal' NOT NULL,
  	"source" "enum_tickets_source" DEFAULT 'admin' NOT NULL,
  	"opened_by_id" integer,
  	"assignee_id" integer,
  	"resolved_at" timestamp(3) with time zone,
  	"import_id" integer,
  	"source_row" numeric,
  	"natural_key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "ticket_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"ticket_id" integer NOT NULL,
  	"consultant_id" integer NOT NULL,
  	"from_status" "enum_ticket_events_from_status",
  	"to_status" "enum_ticket_events_to_status",
  	"author_id" integer,
  	"comment" varchar,
  	"attachment_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "ticket_queues_types" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_ticket_queues_types",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "ticket_queues" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar NOT NULL,
  	"name" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "ticket_attachments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"consultant_id" integer NOT NULL,
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
  
  CREATE TABLE "dashboard_grants_roles" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_dashboard_grants_roles",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "dashboard_grants" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"item" "enum_dashboard_grants_item" NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "participants" ADD COLUMN "referred_by_id" integer;
  ALTER TABLE "products" ADD COLUMN "points" numeric;
  ALTER TABLE "products" ADD COLUMN "redeem_points" numeric;
  ALTER TABLE "loyalty_programs" ADD CONSTRAINT "loyalty_programs_earn_rules_id_rule_sets_id_fk" FOREIGN KEY ("earn_rules_id") REFERENCES "public"."rule_sets"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_programs" ADD CONSTRAINT "loyalty_programs_incentive_rules_id_rule_sets_id_fk" FOREIGN KEY ("incentive_rules_id") REFERENCES "public"."rule_sets"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_programs" ADD CONSTRAINT "loyalty_programs_referral_rules_id_rule_sets_id_fk" FOREIGN KEY ("referral_rules_id") REFERENCES "public"."rule_sets"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "points_movements" ADD CONSTRAINT "points_movements_program_id_loyalty_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."loyalty_programs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "points_movements" ADD CONSTRAINT "points_movements_consultant_id_participants_id_fk" FOREIGN KEY ("consultant_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "points_movements" ADD CONSTRAINT "points_movements_lot_id_points_movements_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."points_movements"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "points_movements" ADD CONSTRAINT "points_movements_order_line_id_network_orders_id_fk" FOREIGN KEY ("order_line_id") REFERENCES "public"."network_orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "points_movements" ADD CONSTRAINT "points_movements_campaign_id_commission_periods_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."commission_periods"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "points_movements" ADD CONSTRAINT "points_movements_referral_id_participants_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "points_movements" ADD CONSTRAINT "points_movements_redemption_id_points_redemptions_id_fk" FOREIGN KEY ("redemption_id") REFERENCES "public"."points_redemptions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "points_movements" ADD CONSTRAINT "points_movements_wallet_entry_id_wallet_entries_id_fk" FOREIGN KEY ("wallet_entry_id") REFERENCES "public"."wallet_entries"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "points_movements" ADD CONSTRAINT "points_movements_rule_version_id_rule_versions_id_fk" FOREIGN KEY ("rule_version_id") REFERENCES "public"."rule_versions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "points_movements" ADD CONSTRAINT "points_movements_reversal_of_id_points_movements_id_fk" FOREIGN KEY ("reversal_of_id") REFERENCES "public"."points_movements"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "points_movements" ADD CONSTRAINT "points_movements_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "points_redemptions" ADD CONSTRAINT "points_redemptions_program_id_loyalty_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."loyalty_programs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "points_redemptions" ADD CONSTRAINT "points_redemptions_consultant_id_participants_id_fk" FOREIGN KEY ("consultant_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "points_redemptions" ADD CONSTRAINT "points_redemptions_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "points_redemptions" ADD CONSTRAINT "points_redemptions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "wallet_entries" ADD CONSTRAINT "wallet_entries_consultant_id_participants_id_fk" FOREIGN KEY ("consultant_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "wallet_entries" ADD CONSTRAINT "wallet_entries_rate_source_id_conversion_rates_id_fk" FOREIGN KEY ("rate_source_id") REFERENCES "public"."conversion_rates"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "wallet_entries" ADD CONSTRAINT "wallet_entries_counterpart_id_wallet_entries_id_fk" FOREIGN KEY ("counterpart_id") REFERENCES "public"."wallet_entries"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "wallet_entries" ADD CONSTRAINT "wallet_entries_rule_version_id_rule_versions_id_fk" FOREIGN KEY ("rule_version_id") REFERENCES "public"."rule_versions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "wallet_entries" ADD CONSTRAINT "wallet_entries_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "coupons" ADD CONSTRAINT "coupons_consultant_id_participants_id_fk" FOREIGN KEY ("consultant_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "coupons" ADD CONSTRAINT "coupons_rule_version_id_rule_versions_id_fk" FOREIGN KEY ("rule_version_id") REFERENCES "public"."rule_versions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_incentives" ADD CONSTRAINT "order_incentives_consultant_id_participants_id_fk" FOREIGN KEY ("consultant_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_incentives" ADD CONSTRAINT "order_incentives_coupon_id_coupons_id_fk" FOREIGN KEY ("coupon_id") REFERENCES "public"."coupons"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_incentives" ADD CONSTRAINT "order_incentives_rule_version_id_rule_versions_id_fk" FOREIGN KEY ("rule_version_id") REFERENCES "public"."rule_versions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_incentives" ADD CONSTRAINT "order_incentives_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "customer_lists_rels" ADD CONSTRAINT "customer_lists_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."customer_lists"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "customer_lists_rels" ADD CONSTRAINT "customer_lists_rels_participants_fk" FOREIGN KEY ("participants_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "loyalty_goals_checklist" ADD CONSTRAINT "loyalty_goals_checklist_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."loyalty_goals"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "goal_checks" ADD CONSTRAINT "goal_checks_goal_id_loyalty_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."loyalty_goals"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "goal_checks" ADD CONSTRAINT "goal_checks_consultant_id_participants_id_fk" FOREIGN KEY ("consultant_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tickets" ADD CONSTRAINT "tickets_consultant_id_participants_id_fk" FOREIGN KEY ("consultant_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tickets" ADD CONSTRAINT "tickets_queue_id_ticket_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."ticket_queues"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tickets" ADD CONSTRAINT "tickets_opened_by_id_users_id_fk" FOREIGN KEY ("opened_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tickets" ADD CONSTRAINT "tickets_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tickets" ADD CONSTRAINT "tickets_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_consultant_id_participants_id_fk" FOREIGN KEY ("consultant_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_attachment_id_ticket_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."ticket_attachments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ticket_queues_types" ADD CONSTRAINT "ticket_queues_types_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."ticket_queues"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "ticket_attachments" ADD CONSTRAINT "ticket_attachments_consultant_id_participants_id_fk" FOREIGN KEY ("consultant_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ticket_attachments" ADD CONSTRAINT "ticket_attachments_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "dashboard_grants_roles" ADD CONSTRAINT "dashboard_grants_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."dashboard_grants"("id") ON DELETE cascade ON UPDATE no action;
  CREATE UNIQUE INDEX "loyalty_programs_code_idx" ON "loyalty_programs" USING btree ("code");
  CREATE INDEX "loyalty_programs_earn_rules_idx" ON "loyalty_programs" USING btree ("earn_rules_id");
  CREATE INDEX "loyalty_programs_incentive_rules_idx" ON "loyalty_programs" USING btree ("incentive_rules_id");
  CREATE INDEX "loyalty_programs_referral_rules_idx" ON "loyalty_programs" USING btree ("referral_rules_id");
  CREATE INDEX "loyalty_programs_updated_at_idx" ON "loyalty_programs" USING btree ("updated_at");
  CREATE INDEX "loyalty_programs_created_at_idx" ON "loyalty_programs" USING btree ("created_at");
  CREATE INDEX "points_movements_program_idx" ON "points_movements" USING btree ("program_id");
  CREATE INDEX "points_movements_consultant_idx" ON "points_movements" USING btree ("consultant_id");
  CREATE INDEX "points_movements_lot_idx" ON "points_movements" USING btree ("lot_id");
  CREATE INDEX "points_movements_order_number_idx" ON "points_movements" USING btree ("order_number");
  CREATE INDEX "points_movements_order_line_idx" ON "points_movements" USING btree ("order_line_id");
  CREATE INDEX "points_movements_campaign_idx" ON "points_movements" USING btree ("campaign_id");
  CREATE INDEX "points_movements_referral_idx" ON "points_movements" USING btree ("referral_id");
  CREATE INDEX "points_movements_redemption_idx" ON "points_movements" USING btree ("redemption_id");
  CREATE INDEX "points_movements_wallet_entry_idx" ON "points_movements" USING btree ("wallet_entry_id");
  CREATE INDEX "points_movements_rule_version_idx" ON "points_movements" USING btree ("rule_version_id");
  CREATE INDEX "points_movements_reversal_of_idx" ON "points_movements" USING btree ("reversal_of_id");
  CREATE INDEX "points_movements_created_by_idx" ON "points_movements" USING btree ("created_by_id");
  CREATE UNIQUE INDEX "points_movements_natural_key_idx" ON "points_movements" USING btree ("natural_key");
  CREATE INDEX "points_movements_updated_at_idx" ON "points_movements" USING btree ("updated_at");
  CREATE INDEX "points_movements_created_at_idx" ON "points_movements" USING btree ("created_at");
  CREATE INDEX "program_consultant_customer_idx" ON "points_movements" USING btree ("program_id","consultant_id","customer");
  CREATE INDEX "expiresOn_idx" ON "points_movements" USING btree ("expires_on");
  CREATE INDEX "points_redemptions_program_idx" ON "points_redemptions" USING btree ("program_id");
  CREATE INDEX "points_redemptions_consultant_idx" ON "points_redemptions" USING btree ("consultant_id");
  CREATE INDEX "points_redemptions_product_idx" ON "points_redemptions" USING btree ("product_id");
  CREATE INDEX "points_redemptions_order_number_idx" ON "points_redemptions" USING btree ("order_number");
  CREATE INDEX "points_redemptions_created_by_idx" ON "points_redemptions" USING btree ("created_by_id");
  CREATE UNIQUE INDEX "points_redemptions_request_key_idx" ON "points_redemptions" USING btree ("request_key");
  CREATE INDEX "points_redemptions_updated_at_idx" ON "points_redemptions" USING btree ("updated_at");
  CREATE INDEX "points_redemptions_created_at_idx" ON "points_redemptions" USING btree ("created_at");
  CREATE INDEX "wallet_entries_consultant_idx" ON "wallet_entries" USING btree ("consultant_id");
  CREATE INDEX "wallet_entries_rate_source_idx" ON "wallet_entries" USING btree ("rate_source_id");
  CREATE INDEX "wallet_entries_counterpart_idx" ON "wallet_entries" USING btree ("counterpart_id");
  CREATE INDEX "wallet_entries_order_number_idx" ON "wallet_entries" USING btree ("order_number");
  CREATE INDEX "wallet_entries_rule_version_idx" ON "wallet_entries" USING btree ("rule_version_id");
  CREATE INDEX "wallet_entries_created_by_idx" ON "wallet_entries" USING btree ("created_by_id");
  CREATE UNIQUE INDEX "wallet_entries_natural_key_idx" ON "wallet_entries" USING btree ("natural_key");
  CREATE INDEX "wallet_entries_updated_at_idx" ON "wallet_entries" USING btree ("updated_at");
  CREATE INDEX "wallet_entries_created_at_idx" ON "wallet_entries" USING btree ("created_at");
  CREATE INDEX "consultant_currency_idx" ON "wallet_entries" USING btree ("consultant_id","currency");
  CREATE INDEX "conversion_rates_updated_at_idx" ON "conversion_rates" USING btree ("updated_at");
  CREATE INDEX "conversion_rates_created_at_idx" ON "conversion_rates" USING btree ("created_at");
  CREATE UNIQUE INDEX "fromUnit_toUnit_validFrom_idx" ON "conversion_rates" USING btree ("from_unit","to_unit","valid_from");
  CREATE UNIQUE INDEX "coupons_code_idx" ON "coupons" USING btree ("code");
  CREATE INDEX "coupons_consultant_idx" ON "coupons" USING btree ("consultant_id");
  CREATE INDEX "coupons_rule_version_idx" ON "coupons" USING btree ("rule_version_id");
  CREATE INDEX "coupons_used_on_order_idx" ON "coupons" USING btree ("used_on_order");
  CREATE UNIQUE INDEX "coupons_natural_key_idx" ON "coupons" USING btree ("natural_key");
  CREATE INDEX "coupons_updated_at_idx" ON "coupons" USING btree ("updated_at");
  CREATE INDEX "coupons_created_at_idx" ON "coupons" USING btree ("created_at");
  CREATE UNIQUE INDEX "order_incentives_order_number_idx" ON "order_incentives" USING btree ("order_number");
  CREATE INDEX "order_incentives_consultant_idx" ON "order_incentives" USING btree ("consultant_id");
  CREATE INDEX "order_incentives_coupon_idx" ON "order_incentives" USING btree ("coupon_id");
  CREATE INDEX "order_incentives_rule_version_idx" ON "order_incentives" USING btree ("rule_version_id");
  CREATE INDEX "order_incentives_created_by_idx" ON "order_incentives" USING btree ("created_by_id");
  CREATE INDEX "order_incentives_updated_at_idx" ON "order_incentives" USING btree ("updated_at");
  CREATE INDEX "order_incentives_created_at_idx" ON "order_incentives" USING btree ("created_at");
  CREATE UNIQUE INDEX "customer_lists_code_idx" ON "customer_lists" USING btree ("code");
  CREATE INDEX "customer_lists_updated_at_idx" ON "customer_lists" USING btree ("updated_at");
  CREATE INDEX "customer_lists_created_at_idx" ON "customer_lists" USING btree ("created_at");
  CREATE INDEX "customer_lists_rels_order_idx" ON "customer_lists_rels" USING btree ("order");
  CREATE INDEX "customer_lists_rels_parent_idx" ON "customer_lists_rels" USING btree ("parent_id");
  CREATE INDEX "customer_lists_rels_path_idx" ON "customer_lists_rels" USING btree ("path");
  CREATE INDEX "customer_lists_rels_participants_id_idx" ON "customer_lists_rels" USING btree ("participants_id");
  CREATE INDEX "loyalty_goals_checklist_order_idx" ON "loyalty_goals_checklist" USING btree ("_order");
  CREATE INDEX "loyalty_goals_checklist_parent_id_idx" ON "loyalty_goals_checklist" USING btree ("_parent_id");
  CREATE INDEX "loyalty_goals_updated_at_idx" ON "loyalty_goals" USING btree ("updated_at");
  CREATE INDEX "loyalty_goals_created_at_idx" ON "loyalty_goals" USING btree ("created_at");
  CREATE INDEX "goal_checks_goal_idx" ON "goal_checks" USING btree ("goal_id");
  CREATE INDEX "goal_checks_consultant_idx" ON "goal_checks" USING btree ("consultant_id");
  CREATE INDEX "goal_checks_updated_at_idx" ON "goal_checks" USING btree ("updated_at");
  CREATE INDEX "goal_checks_created_at_idx" ON "goal_checks" USING btree ("created_at");
  CREATE UNIQUE INDEX "goal_consultant_item_idx" ON "goal_checks" USING btree ("goal_id","consultant_id","item");
  CREATE UNIQUE INDEX "tickets_number_idx" ON "tickets" USING btree ("number");
  CREATE INDEX "tickets_consultant_idx" ON "tickets" USING btree ("consultant_id");
  CREATE INDEX "tickets_queue_idx" ON "tickets" USING btree ("queue_id");
  CREATE INDEX "tickets_status_idx" ON "tickets" USING btree ("status");
  CREATE INDEX "tickets_opened_by_idx" ON "tickets" USING btree ("opened_by_id");
  CREATE INDEX "tickets_assignee_idx" ON "tickets" USING btree ("assignee_id");
  CREATE INDEX "tickets_import_idx" ON "tickets" USING btree ("import_id");
  CREATE UNIQUE INDEX "tickets_natural_key_idx" ON "tickets" USING btree ("natural_key");
  CREATE INDEX "tickets_updated_at_idx" ON "tickets" USING btree ("updated_at");
  CREATE INDEX "tickets_created_at_idx" ON "tickets" USING btree ("created_at");
  CREATE INDEX "ticket_events_ticket_idx" ON "ticket_events" USING btree ("ticket_id");
  CREATE INDEX "ticket_events_consultant_idx" ON "ticket_events" USING btree ("consultant_id");
  CREATE INDEX "ticket_events_author_idx" ON "ticket_events" USING btree ("author_id");
  CREATE INDEX "ticket_events_attachment_idx" ON "ticket_events" USING btree ("attachment_id");
  CREATE INDEX "ticket_events_updated_at_idx" ON "ticket_events" USING btree ("updated_at");
  CREATE INDEX "ticket_events_created_at_idx" ON "ticket_events" USING btree ("created_at");
  CREATE INDEX "ticket_queues_types_order_idx" ON "ticket_queues_types" USING btree ("order");
  CREATE INDEX "ticket_queues_types_parent_idx" ON "ticket_queues_types" USING btree ("parent_id");
  CREATE UNIQUE INDEX "ticket_queues_code_idx" ON "ticket_queues" USING btree ("code");
  CREATE INDEX "ticket_queues_updated_at_idx" ON "ticket_queues" USING btree ("updated_at");
  CREATE INDEX "ticket_queues_created_at_idx" ON "ticket_queues" USING btree ("created_at");
  CREATE INDEX "ticket_attachments_consultant_idx" ON "ticket_attachments" USING btree ("consultant_id");
  CREATE INDEX "ticket_attachments_uploaded_by_idx" ON "ticket_attachments" USING btree ("uploaded_by_id");
  CREATE INDEX "ticket_attachments_updated_at_idx" ON "ticket_attachments" USING btree ("updated_at");
  CREATE INDEX "ticket_attachments_created_at_idx" ON "ticket_attachments" USING btree ("created_at");
  CREATE UNIQUE INDEX "ticket_attachments_filename_idx" ON "ticket_attachments" USING btree ("filename");
  CREATE INDEX "dashboard_grants_roles_order_idx" ON "dashboard_grants_roles" USING btree ("order");
  CREATE INDEX "dashboard_grants_roles_parent_idx" ON "dashboard_grants_roles" USING btree ("parent_id");
  CREATE UNIQUE INDEX "dashboard_grants_item_idx" ON "dashboard_grants" USING btree ("item");
  CREATE INDEX "dashboard_grants_updated_at_idx" ON "dashboard_grants" USING btree ("updated_at");
  CREATE INDEX "dashboard_grants_created_at_idx" ON "dashboard_grants" USING btree ("created_at");
  ALTER TABLE "participants" ADD CONSTRAINT "participants_referred_by_id_participants_id_fk" FOREIGN KEY ("referred_by_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "participants_referred_by_idx" ON "participants" USING btree ("referred_by_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "loyalty_programs" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "points_movements" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "points_redemptions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "wallet_entries" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "conversion_rates" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "coupons" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "order_incentives" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "customer_lists" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "customer_lists_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "loyalty_goals_checklist" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "loyalty_goals" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "goal_checks" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "tickets" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "ticket_events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "ticket_queues_types" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "ticket_queues" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "ticket_attachments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "dashboard_grants_roles" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "dashboard_grants" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "loyalty_programs" CASCADE;
  DROP TABLE "points_movements" CASCADE;
  DROP TABLE "points_redemptions" CASCADE;
  DROP TABLE "wallet_entries" CASCADE;
  DROP TABLE "conversion_rates" CASCADE;
  DROP TABLE "coupons" CASCADE;
  DROP TABLE "order_incentives" CASCADE;
  DROP TABLE "customer_lists" CASCADE;
  DROP TABLE "customer_lists_rels" CASCADE;
  DROP TABLE "loyalty_goals_checklist" CASCADE;
  DROP TABLE "loyalty_goals" CASCADE;
  DROP TABLE "goal_checks" CASCADE;
  DROP TABLE "tickets" CASCADE;
  DROP TABLE "ticket_events" CASCADE;
  DROP TABLE "ticket_queues_types" CASCADE;
  DROP TABLE "ticket_queues" CASCADE;
  DROP TABLE "ticket_attachments" CASCADE;
  DROP TABLE "dashboard_grants_roles" CASCADE;
  DROP TABLE "dashboard_grants" CASCADE;
  ALTER TABLE "participants" DROP CONSTRAINT "participants_referred_by_id_participants_id_fk";
  
  ALTER TABLE "rule_sets" ALTER COLUMN "purpose" SET DATA TYPE text;
  DROP TYPE "public"."enum_rule_sets_purpose";
  CREATE TYPE "public"."enum_rule_sets_purpose" AS ENUM('commission_amount', 'rank_qualification', 'network_bonus', 'order_volumes', 'rebate_line', 'invoice_gl', 'invoice_approval');
  ALTER TABLE "rule_sets" ALTER COLUMN "purpose" SET DATA TYPE "public"."enum_rule_sets_purpose" USING "purpose"::"public"."enum_rule_sets_purpose";
  DROP INDEX "participants_referred_by_idx";
  ALTER TABLE "participants" DROP COLUMN "referred_by_id";
  ALTER TABLE "products" DROP COLUMN "points";
  ALTER TABLE "products" DROP COLUMN "redeem_points";
  DROP TYPE "public"."enum_loyalty_programs_expiry_policy";
  DROP TYPE "public"."enum_points_movements_kind";
  DROP TYPE "public"."enum_points_movements_source";
  DROP TYPE "public"."enum_points_redemptions_status";
  DROP TYPE "public"."enum_wallet_entries_kind";
  DROP TYPE "public"."enum_coupons_kind";
  DROP TYPE "public"."enum_coupons_status";
  DROP TYPE "public"."enum_order_incentives_status";
  DROP TYPE "public"."enum_loyalty_goals_checklist_metric";
  DROP TYPE "public"."enum_loyalty_goals_award";
  DROP TYPE "public"."enum_tickets_type";
  DROP TYPE "public"."enum_tickets_status";
  DROP TYPE "public"."enum_tickets_priority";
  DROP TYPE "public"."enum_tickets_source";
  DROP TYPE "public"."enum_ticket_events_from_status";
  DROP TYPE "public"."enum_ticket_events_to_status";
  DROP TYPE "public"."enum_ticket_queues_types";
  DROP TYPE "public"."enum_dashboard_grants_roles";
  DROP TYPE "public"."enum_dashboard_grants_item";`)
}
