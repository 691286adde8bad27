import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_pipeline_types_calendar" AS ENUM('regular', 'advance');
  ALTER TABLE "pipeline_types" ADD COLUMN "calendar" "enum_pipeline_types_calendar" DEFAULT 'regular';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "pipeline_types" DROP COLUMN "calendar";
  DROP TYPE "public"."enum_pipeline_types_calendar";`)
}
