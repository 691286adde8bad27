import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_billing_lines_frequency" AS ENUM('monthly', 'weekly', 'biweekly');
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'clientCode';
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'serviceCode';
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'chargedOn';
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'frequency';
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'charged';
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'commissionable';
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'nonCommissionable';
  ALTER TYPE "public"."enum_import_mappings_source" ADD VALUE 'billing_lines';
  ALTER TYPE "public"."enum_imports_source" ADD VALUE 'billing_lines';
  CREATE TABLE "billing_lines" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"client_id" integer NOT NULL,
  	"service_id" integer NOT NULL,
  	"charged_on" date,
  	"frequency" "enum_billing_lines_frequency" NOT NULL,
  	"charged" numeric(19, 4),
  	"commissionable" numeric(19, 4),
  	"non_commissionable" numeric(19, 4),
  	"import_id" integer,
  	"source_row" numeric,
  	"natural_key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "prospects" ADD COLUMN "client_code" varchar;
  ALTER TABLE "billing_lines" ADD CONSTRAINT "billing_lines_client_id_prospects_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."prospects"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "billing_lines" ADD CONSTRAINT "billing_lines_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "billing_lines" ADD CONSTRAINT "billing_lines_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "billing_lines_client_idx" ON "billing_lines" USING btree ("client_id");
  CREATE INDEX "billing_lines_service_idx" ON "billing_lines" USING btree ("service_id");
  CREATE INDEX "billing_lines_import_idx" ON "billing_lines" USING btree ("import_id");
  CREATE UNIQUE INDEX "billing_lines_natural_key_idx" ON "billing_lines" USING btree ("natural_key");
  CREATE INDEX "billing_lines_updated_at_idx" ON "billing_lines" USING btree ("updated_at");
  CREATE INDEX "billing_lines_created_at_idx" ON "billing_lines" USING btree ("created_at");
  CREATE INDEX "client_chargedOn_idx" ON "billing_lines" USING btree ("client_id","charged_on");
  CREATE UNIQUE INDEX "prospects_client_code_idx" ON "prospects" USING btree ("client_code");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "billing_lines" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "billing_lines" CASCADE;
  ALTER TABLE "import_mappings_columns" ALTER COLUMN "field" SET DATA TYPE text;
  DROP TYPE "public"."enum_import_mappings_columns_field";
  CREATE TYPE "public"."enum_import_mappings_columns_field" AS ENUM('dealerCode', 'saleDate', 'carrierCode', 'activationType', 'mdn', 'iccid', 'imei', 'ratePlanCode', 'features', 'customerAccount', 'activationDate', 'lineStatus', 'deactivationDate', 'paidActivation', 'paidFeatures', 'paidSpiff');
  ALTER TABLE "import_mappings_columns" ALTER COLUMN "field" SET DATA TYPE "public"."enum_import_mappings_columns_field" USING "field"::"public"."enum_import_mappings_columns_field";
  ALTER TABLE "import_mappings" ALTER COLUMN "source" SET DATA TYPE text;
  DROP TYPE "public"."enum_import_mappings_source";
  CREATE TYPE "public"."enum_import_mappings_source" AS ENUM('dealer_sales', 'carrier_records');
  ALTER TABLE "import_mappings" ALTER COLUMN "source" SET DATA TYPE "public"."enum_import_mappings_source" USING "source"::"public"."enum_import_mappings_source";
  ALTER TABLE "imports" ALTER COLUMN "source" SET DATA TYPE text;
  DROP TYPE "public"."enum_imports_source";
  CREATE TYPE "public"."enum_imports_source" AS ENUM('dealer_sales', 'carrier_records');
  ALTER TABLE "imports" ALTER COLUMN "source" SET DATA TYPE "public"."enum_imports_source" USING "source"::"public"."enum_imports_source";
  DROP INDEX "prospects_client_code_idx";
  ALTER TABLE "prospects" DROP COLUMN "client_code";
  DROP TYPE "public"."enum_billing_lines_frequency";`)
}
