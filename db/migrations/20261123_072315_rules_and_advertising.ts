import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_commission_rules_scope" AS ENUM('proposal', 'territory', 'relationship', 'default');
  CREATE TYPE "public"."enum_commission_rules_kind" AS ENUM('percent', 'fixed');
  CREATE TYPE "public"."enum_advertising_programs_kind" AS ENUM('national', 'territory');
  CREATE TABLE "commission_rules" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"scope" "enum_commission_rules_scope" NOT NULL,
  	"parent_id" integer,
  	"child_id" integer,
  	"proposal_id" integer,
  	"territory_id" integer,
  	"service_id" integer,
  	"kind" "enum_commission_rules_kind" DEFAULT 'percent' NOT NULL,
  	"rate" varchar NOT NULL,
  	"currency" varchar DEFAULT 'USD' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "advertising_programs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"kind" "enum_advertising_programs_kind" NOT NULL,
  	"territory_id" integer,
  	"percent" varchar NOT NULL,
  	"starts_on" date,
  	"ends_on" date,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "commission_rules" ADD CONSTRAINT "commission_rules_parent_id_participants_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commission_rules" ADD CONSTRAINT "commission_rules_child_id_participants_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commission_rules" ADD CONSTRAINT "commission_rules_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commission_rules" ADD CONSTRAINT "commission_rules_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commission_rules" ADD CONSTRAINT "commission_rules_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "advertising_programs" ADD CONSTRAINT "advertising_programs_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "commission_rules_parent_idx" ON "commission_rules" USING btree ("parent_id");
  CREATE INDEX "commission_rules_child_idx" ON "commission_rules" USING btree ("child_id");
  CREATE INDEX "commission_rules_proposal_idx" ON "commission_rules" USING btree ("proposal_id");
  CREATE INDEX "commission_rules_territory_idx" ON "commission_rules" USING btree ("territory_id");
  CREATE INDEX "commission_rules_service_idx" ON "commission_rules" USING btree ("service_id");
  CREATE INDEX "commission_rules_updated_at_idx" ON "commission_rules" USING btree ("updated_at");
  CREATE INDEX "commission_rules_created_at_idx" ON "commission_rules" USING btree ("created_at");
  CREATE INDEX "advertising_programs_territory_idx" ON "advertising_programs" USING btree ("territory_id");
  CREATE INDEX "advertising_programs_updated_at_idx" ON "advertising_programs" USING btree ("updated_at");
  CREATE INDEX "advertising_programs_created_at_idx" ON "advertising_programs" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "commission_rules" CASCADE;
  DROP TABLE "advertising_programs" CASCADE;
  DROP TYPE "public"."enum_commission_rules_scope";
  DROP TYPE "public"."enum_commission_rules_kind";
  DROP TYPE "public"."enum_advertising_programs_kind";`)
}
