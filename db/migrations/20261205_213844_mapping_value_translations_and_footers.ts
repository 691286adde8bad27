import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_import_mappings_value_maps_field" AS ENUM('dealerCode', 'carrierCode', 'activationType', 'ratePlanCode', 'features', 'lineStatus');
  CREATE TABLE "import_mappings_value_maps" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"field" "enum_import_mappings_value_maps_field" NOT NULL,
  	"value" varchar NOT NULL,
  	"means" varchar NOT NULL
  );
  
  ALTER TABLE "imports" ADD COLUMN "footer_rows" numeric DEFAULT 0;
  ALTER TABLE "import_rejects" ADD COLUMN "unknown_values" jsonb;
  ALTER TABLE "import_mappings_value_maps" ADD CONSTRAINT "import_mappings_value_maps_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."import_mappings"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "import_mappings_value_maps_order_idx" ON "import_mappings_value_maps" USING btree ("_order");
  CREATE INDEX "import_mappings_value_maps_parent_id_idx" ON "import_mappings_value_maps" USING btree ("_parent_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "import_mappings_value_maps" CASCADE;
  ALTER TABLE "imports" DROP COLUMN "footer_rows";
  ALTER TABLE "import_rejects" DROP COLUMN "unknown_values";
  DROP TYPE "public"."enum_import_mappings_value_maps_field";`)
}
