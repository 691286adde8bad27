import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_services_billing_frequency" AS ENUM('monthly', 'weekly', 'biweekly');
  CREATE TYPE "public"."enum_prospects_status" AS ENUM('prospect', 'proposal', 'client');
  CREATE TYPE "public"."enum_proposals_terms_kind" AS ENUM('percent', 'fixed');
  CREATE TYPE "public"."enum_proposals_status" AS ENUM('draft', 'submitted', 'returned', 'rejected', 'approved', 'sent', 'accepted', 'declined', 'expired');
  CREATE TABLE "services" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar NOT NULL,
  	"name" varchar NOT NULL,
  	"price" numeric(19, 4),
  	"currency" varchar DEFAULT 'USD' NOT NULL,
  	"billing_frequency" "enum_services_billing_frequency" DEFAULT 'monthly' NOT NULL,
  	"commissionable" boolean DEFAULT true,
  	"active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "prospects_contacts" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"email" varchar NOT NULL,
  	"phone" varchar
  );
  
  CREATE TABLE "prospects" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"company" varchar NOT NULL,
  	"territory_id" integer NOT NULL,
  	"status" "enum_prospects_status" DEFAULT 'prospect' NOT NULL,
  	"owner_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "proposals_services" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"service_id" integer NOT NULL,
  	"quantity" numeric DEFAULT 1 NOT NULL,
  	"price" numeric(19, 4)
  );
  
  CREATE TABLE "proposals_terms" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"participant_id" integer NOT NULL,
  	"kind" "enum_proposals_terms_kind" DEFAULT 'percent' NOT NULL,
  	"rate" varchar NOT NULL,
  	"service_id" integer
  );
  
  CREATE TABLE "proposals_history" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"action" varchar,
  	"user_id" integer,
  	"participant_id" integer,
  	"at" timestamp(3) with time zone,
  	"comment" varchar
  );
  
  CREATE TABLE "proposals" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"prospect_id" integer NOT NULL,
  	"status" "enum_proposals_status" DEFAULT 'draft' NOT NULL,
  	"waiting_for_id" integer,
  	"author_id" integer,
  	"author_participant_id" integer,
  	"chain" jsonb,
  	"level" numeric DEFAULT -1,
  	"respond_by" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "prospects_contacts" ADD CONSTRAINT "prospects_contacts_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."prospects"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "prospects" ADD CONSTRAINT "prospects_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "prospects" ADD CONSTRAINT "prospects_owner_id_participants_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "proposals_services" ADD CONSTRAINT "proposals_services_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "proposals_services" ADD CONSTRAINT "proposals_services_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "proposals_terms" ADD CONSTRAINT "proposals_terms_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "proposals_terms" ADD CONSTRAINT "proposals_terms_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "proposals_terms" ADD CONSTRAINT "proposals_terms_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "proposals_history" ADD CONSTRAINT "proposals_history_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "proposals_history" ADD CONSTRAINT "proposals_history_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "proposals_history" ADD CONSTRAINT "proposals_history_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "proposals" ADD CONSTRAINT "proposals_prospect_id_prospects_id_fk" FOREIGN KEY ("prospect_id") REFERENCES "public"."prospects"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "proposals" ADD CONSTRAINT "proposals_waiting_for_id_participants_id_fk" FOREIGN KEY ("waiting_for_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "proposals" ADD CONSTRAINT "proposals_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "proposals" ADD CONSTRAINT "proposals_author_participant_id_participants_id_fk" FOREIGN KEY ("author_participant_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "services_code_idx" ON "services" USING btree ("code");
  CREATE INDEX "services_updated_at_idx" ON "services" USING btree ("updated_at");
  CREATE INDEX "services_created_at_idx" ON "services" USING btree ("created_at");
  CREATE INDEX "prospects_contacts_order_idx" ON "prospects_contacts" USING btree ("_order");
  CREATE INDEX "prospects_contacts_parent_id_idx" ON "prospects_contacts" USING btree ("_parent_id");
  CREATE INDEX "prospects_territory_idx" ON "prospects" USING btree ("territory_id");
  CREATE INDEX "prospects_owner_idx" ON "prospects" USING btree ("owner_id");
  CREATE INDEX "prospects_updated_at_idx" ON "prospects" USING btree ("updated_at");
  CREATE INDEX "prospects_created_at_idx" ON "prospects" USING btree ("created_at");
  CREATE INDEX "proposals_services_order_idx" ON "proposals_services" USING btree ("_order");
  CREATE INDEX "proposals_services_parent_id_idx" ON "proposals_services" USING btree ("_parent_id");
  CREATE INDEX "proposals_services_service_idx" ON "proposals_services" USING btree ("service_id");
  CREATE INDEX "proposals_terms_order_idx" ON "proposals_terms" USING btree ("_order");
  CREATE INDEX "proposals_terms_parent_id_idx" ON "proposals_terms" USING btree ("_parent_id");
  CREATE INDEX "proposals_terms_participant_idx" ON "proposals_terms" USING btree ("participant_id");
  CREATE INDEX "proposals_terms_service_idx" ON "proposals_terms" USING btree ("service_id");
  CREATE INDEX "proposals_history_order_idx" ON "proposals_history" USING btree ("_order");
  CREATE INDEX "proposals_history_parent_id_idx" ON "proposals_history" USING btree ("_parent_id");
  CREATE INDEX "proposals_history_user_idx" ON "proposals_history" USING btree ("user_id");
  CREATE INDEX "proposals_history_participant_idx" ON "proposals_history" USING btree ("participant_id");
  CREATE INDEX "proposals_prospect_idx" ON "proposals" USING btree ("prospect_id");
  CREATE INDEX "proposals_waiting_for_idx" ON "proposals" USING btree ("waiting_for_id");
  CREATE INDEX "proposals_author_idx" ON "proposals" USING btree ("author_id");
  CREATE INDEX "proposals_author_participant_idx" ON "proposals" USING btree ("author_participant_id");
  CREATE INDEX "proposals_updated_at_idx" ON "proposals" USING btree ("updated_at");
  CREATE INDEX "proposals_created_at_idx" ON "proposals" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "services" CASCADE;
  DROP TABLE "prospects_contacts" CASCADE;
  DROP TABLE "prospects" CASCADE;
  DROP TABLE "proposals_services" CASCADE;
  DROP TABLE "proposals_terms" CASCADE;
  DROP TABLE "proposals_history" CASCADE;
  DROP TABLE "proposals" CASCADE;
  DROP TYPE "public"."enum_services_billing_frequency";
  DROP TYPE "public"."enum_prospects_status";
  DROP TYPE "public"."enum_proposals_terms_kind";
  DROP TYPE "public"."enum_proposals_status";`)
}
