import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'reference';
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'type';
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'subject';
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'description';
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'priority';
  ALTER TYPE "public"."enum_import_mappings_columns_field" ADD VALUE 'queueCode';
  ALTER TYPE "public"."enum_import_mappings_source" ADD VALUE 'tickets';
  ALTER TYPE "public"."enum_imports_source" ADD VALUE 'tickets';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "import_mappings_columns" ALTER COLUMN "field" SET DATA TYPE text;
  DROP TYPE "public"."enum_import_mappings_columns_field";
  CREATE TYPE "public"."enum_import_mappings_columns_field" AS ENUM('dealerCode', 'saleDate', 'carrierCode', 'activationType', 'mdn', 'iccid', 'imei', 'ratePlanCode', 'features', 'customerAccount', 'activationDate', 'lineStatus', 'deactivationDate', 'paidActivation', 'paidFeatures', 'paidSpiff', 'clientCode', 'serviceCode', 'chargedOn', 'frequency', 'charged', 'commissionable', 'nonCommissionable', 'orderNumber', 'line', 'kind', 'bookedOn', 'consultantCode', 'customer', 'productCode', 'quantity', 'currency', 'unitPrice', 'discount', 'returnOfOrder', 'returnOfLine', 'partnerCode', 'invoiceNumber', 'invoiceLine', 'soldOn', 'endCustomer', 'unitCost', 'regionCode', 'dealNumber');
  ALTER TABLE "import_mappings_columns" ALTER COLUMN "field" SET DATA TYPE "public"."enum_import_mappings_columns_field" USING "field"::"public"."enum_import_mappings_columns_field";
  ALTER TABLE "import_mappings" ALTER COLUMN "source" SET DATA TYPE text;
  DROP TYPE "public"."enum_import_mappings_source";
  CREATE TYPE "public"."enum_import_mappings_source" AS ENUM('dealer_sales', 'carrier_records', 'billing_lines', 'network_orders', 'pos_lines');
  ALTER TABLE "import_mappings" ALTER COLUMN "source" SET DATA TYPE "public"."enum_import_mappings_source" USING "source"::"public"."enum_import_mappings_source";
  ALTER TABLE "imports" ALTER COLUMN "source" SET DATA TYPE text;
  DROP TYPE "public"."enum_imports_source";
  CREATE TYPE "public"."enum_imports_source" AS ENUM('dealer_sales', 'carrier_records', 'billing_lines', 'network_orders', 'pos_lines');
  ALTER TABLE "imports" ALTER COLUMN "source" SET DATA TYPE "public"."enum_imports_source" USING "source"::"public"."enum_imports_source";`)
}
