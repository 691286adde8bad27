import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_carrier_connectors_steps_action" AS ENUM('goto', 'fill', 'click', 'waitFor', 'failIfPresent', 'readTable', 'download');
  CREATE TYPE "public"."enum_carrier_connectors_steps_failure" AS ENUM('permanent', 'transient');
  CREATE TYPE "public"."enum_scrape_runs_trigger" AS ENUM('manual', 'schedule');
  CREATE TYPE "public"."enum_scrape_runs_status" AS ENUM('queued', 'running', 'retrying', 'completed', 'failed');
  CREATE TYPE "public"."enum_scrape_runs_failure_kind" AS ENUM('drift', 'permanent', 'transient');
  CREATE TYPE "public"."enum_notifications_level" AS ENUM('info', 'warning', 'error');
  ALTER TYPE "public"."enum_schedules_task" ADD VALUE 'scrapeCarrier';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'scrapeCarrier';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'scrapeCarrier';
  CREATE TABLE "portal_credentials" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"username" varchar NOT NULL,
  	"password" varchar,
  	"totp_secret" varchar,
  	"password_sealed" varchar,
  	"totp_sealed" varchar,
  	"seal_context" varchar,
  	"key_id" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "carrier_connectors_steps" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"action" "enum_carrier_connectors_steps_action" NOT NULL,
  	"target" varchar NOT NULL,
  	"value" varchar,
  	"next_selector" varchar,
  	"failure" "enum_carrier_connectors_steps_failure",
  	"timeout_ms" numeric
  );
  
  CREATE TABLE "carrier_connectors" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"carrier_id" integer NOT NULL,
  	"mapping_id" integer NOT NULL,
  	"login_url" varchar NOT NULL,
  	"credential_id" integer NOT NULL,
  	"enabled" boolean DEFAULT true,
  	"lookback_days" numeric DEFAULT 7 NOT NULL,
  	"failure_threshold" numeric DEFAULT 3 NOT NULL,
  	"failure_window" numeric DEFAULT 5 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "scrape_runs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"connector_id" integer NOT NULL,
  	"trigger" "enum_scrape_runs_trigger" DEFAULT 'manual',
  	"period_from" date,
  	"period_to" date,
  	"status" "enum_scrape_runs_status" DEFAULT 'queued',
  	"job" numeric,
  	"attempts" numeric DEFAULT 0,
  	"failure_kind" "enum_scrape_runs_failure_kind",
  	"diagnosis" varchar,
  	"screenshot_id" integer,
  	"html" varchar,
  	"pages" numeric,
  	"rows_fetched" numeric,
  	"accepted" numeric,
  	"rejected" numeric,
  	"inserted" numeric,
  	"import_id" integer,
  	"started_at" timestamp(3) with time zone,
  	"finished_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "scrape_evidence" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"caption" varchar,
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
  
  CREATE TABLE "notifications" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"message" varchar NOT NULL,
  	"level" "enum_notifications_level" DEFAULT 'warning' NOT NULL,
  	"connector_id" integer,
  	"acknowledged" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "carrier_connectors_steps" ADD CONSTRAINT "carrier_connectors_steps_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."carrier_connectors"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "carrier_connectors" ADD CONSTRAINT "carrier_connectors_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "carrier_connectors" ADD CONSTRAINT "carrier_connectors_mapping_id_import_mappings_id_fk" FOREIGN KEY ("mapping_id") REFERENCES "public"."import_mappings"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "carrier_connectors" ADD CONSTRAINT "carrier_connectors_credential_id_portal_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."portal_credentials"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "scrape_runs" ADD CONSTRAINT "scrape_runs_connector_id_carrier_connectors_id_fk" FOREIGN KEY ("connector_id") REFERENCES "public"."carrier_connectors"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "scrape_runs" ADD CONSTRAINT "scrape_runs_screenshot_id_scrape_evidence_id_fk" FOREIGN KEY ("screenshot_id") REFERENCES "public"."scrape_evidence"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "scrape_runs" ADD CONSTRAINT "scrape_runs_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_connector_id_carrier_connectors_id_fk" FOREIGN KEY ("connector_id") REFERENCES "public"."carrier_connectors"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "portal_credentials_name_idx" ON "portal_credentials" USING btree ("name");
  CREATE INDEX "portal_credentials_updated_at_idx" ON "portal_credentials" USING btree ("updated_at");
  CREATE INDEX "portal_credentials_created_at_idx" ON "portal_credentials" USING btree ("created_at");
  CREATE INDEX "carrier_connectors_steps_order_idx" ON "carrier_connectors_steps" USING btree ("_order");
  CREATE INDEX "carrier_connectors_steps_parent_id_idx" ON "carrier_connectors_steps" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "carrier_connectors_name_idx" ON "carrier_connectors" USING btree ("name");
  CREATE INDEX "carrier_connectors_carrier_idx" ON "carrier_connectors" USING btree ("carrier_id");
  CREATE INDEX "carrier_connectors_mapping_idx" ON "carrier_connectors" USING btree ("mapping_id");
  CREATE INDEX "carrier_connectors_credential_idx" ON "carrier_connectors" USING btree ("credential_id");
  CREATE INDEX "carrier_connectors_updated_at_idx" ON "carrier_connectors" USING btree ("updated_at");
  CREATE INDEX "carrier_connectors_created_at_idx" ON "carrier_connectors" USING btree ("created_at");
  CREATE INDEX "scrape_runs_connector_idx" ON "scrape_runs" USING btree ("connector_id");
  CREATE INDEX "scrape_runs_status_idx" ON "scrape_runs" USING btree ("status");
  CREATE INDEX "scrape_runs_screenshot_idx" ON "scrape_runs" USING btree ("screenshot_id");
  CREATE INDEX "scrape_runs_import_idx" ON "scrape_runs" USING btree ("import_id");
  CREATE INDEX "scrape_runs_updated_at_idx" ON "scrape_runs" USING btree ("updated_at");
  CREATE INDEX "scrape_runs_created_at_idx" ON "scrape_runs" USING btree ("created_at");
  CREATE INDEX "scrape_evidence_updated_at_idx" ON "scrape_evidence" USING btree ("updated_at");
  CREATE INDEX "scrape_evidence_created_at_idx" ON "scrape_evidence" USING btree ("created_at");
  CREATE UNIQUE INDEX "scrape_evidence_filename_idx" ON "scrape_evidence" USING btree ("filename");
  CREATE INDEX "notifications_connector_idx" ON "notifications" USING btree ("connector_id");
  CREATE INDEX "notifications_updated_at_idx" ON "notifications" USING btree ("updated_at");
  CREATE INDEX "notifications_created_at_idx" ON "notifications" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "portal_credentials" CASCADE;
  DROP TABLE "carrier_connectors_steps" CASCADE;
  DROP TABLE "carrier_connectors" CASCADE;
  DROP TABLE "scrape_runs" CASCADE;
  DROP TABLE "scrape_evidence" CASCADE;
  DROP TABLE "notifications" CASCADE;
  ALTER TABLE "schedules" ALTER COLUMN "task" SET DATA TYPE text;
  DROP TYPE "public"."enum_schedules_task";
  CREATE TYPE "public"."enum_schedules_task" AS ENUM('verifyNetwork');
  ALTER TABLE "schedules" ALTER COLUMN "task" SET DATA TYPE "public"."enum_schedules_task" USING "task"::"public"."enum_schedules_task";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'verifyNetwork', 'runImport', 'reconcile');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'verifyNetwork', 'runImport', 'reconcile');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP TYPE "public"."enum_carrier_connectors_steps_action";
  DROP TYPE "public"."enum_carrier_connectors_steps_failure";
  DROP TYPE "public"."enum_scrape_runs_trigger";
  DROP TYPE "public"."enum_scrape_runs_status";
  DROP TYPE "public"."enum_scrape_runs_failure_kind";
  DROP TYPE "public"."enum_notifications_level";`)
}
