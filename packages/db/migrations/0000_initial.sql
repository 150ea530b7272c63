CREATE TABLE "absences" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"employee_id" text NOT NULL,
	"kind" text NOT NULL,
	"start" text NOT NULL,
	"end" text NOT NULL,
	"counted_hours" real,
	CONSTRAINT "absences_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"organisation_id" text NOT NULL,
	"roster_period_id" text NOT NULL,
	"employee_id" text NOT NULL,
	"date" text NOT NULL,
	"shift_type_id" text NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	CONSTRAINT "assignments_organisation_id_roster_period_id_employee_id_date_pk" PRIMARY KEY("organisation_id","roster_period_id","employee_id","date")
);
--> statement-breakpoint
CREATE TABLE "carer_shifts" (
	"organisation_id" text NOT NULL,
	"employee_id" text NOT NULL,
	"date" text NOT NULL,
	"data" jsonb NOT NULL,
	CONSTRAINT "carer_shifts_organisation_id_employee_id_date_pk" PRIMARY KEY("organisation_id","employee_id","date")
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"team_id" text NOT NULL,
	"name" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"point" jsonb NOT NULL,
	CONSTRAINT "clients_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "demand" (
	"organisation_id" text NOT NULL,
	"team_id" text NOT NULL,
	"date" text NOT NULL,
	"shift_type_id" text NOT NULL,
	"min_level" integer NOT NULL,
	"skills" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"min" integer NOT NULL,
	"ideal" integer NOT NULL,
	CONSTRAINT "demand_organisation_id_team_id_date_shift_type_id_min_level_pk" PRIMARY KEY("organisation_id","team_id","date","shift_type_id","min_level")
);
--> statement-breakpoint
CREATE TABLE "employees" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"team_ids" jsonb NOT NULL,
	"contract_hours_per_week" real NOT NULL,
	"level" integer NOT NULL,
	"skills" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"birth_date" text NOT NULL,
	"home" jsonb,
	"travel_mode" text DEFAULT 'car' NOT NULL,
	"works_nights" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "employees_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "locations" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"point" jsonb NOT NULL,
	CONSTRAINT "locations_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"rule_profiles" jsonb NOT NULL,
	"time_zone" text DEFAULT 'Europe/Amsterdam' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" text NOT NULL,
	"job_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"target_id" text NOT NULL,
	"base_version" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"payload" jsonb NOT NULL,
	"score" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "roster_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"roster_period_id" text NOT NULL,
	"version" integer NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"published" boolean NOT NULL,
	"reason" text,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "roster_periods" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"team_id" text NOT NULL,
	"start" text NOT NULL,
	"weeks" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "roster_periods_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shift_types" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"start" text NOT NULL,
	"end" text NOT NULL,
	"break_minutes" integer DEFAULT 0 NOT NULL,
	"category" text NOT NULL,
	"color" text DEFAULT '#888888' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "shift_types_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "solve_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"params" jsonb NOT NULL,
	"time_limit_seconds" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"cancel_requested" boolean DEFAULT false NOT NULL,
	"best_score" double precision,
	"progress" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"result" jsonb,
	"error" text,
	"worker_id" text
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"location_id" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "teams_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" text NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text,
	"employee_id" text,
	"team_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"oidc_issuer" text,
	"oidc_subject" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"client_id" text NOT NULL,
	"date" text NOT NULL,
	"data" jsonb NOT NULL,
	CONSTRAINT "visits_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "wishes" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"employee_id" text NOT NULL,
	"date" text NOT NULL,
	"kind" text NOT NULL,
	"shift_type_id" text,
	"priority" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "wishes_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carer_shifts" ADD CONSTRAINT "carer_shifts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand" ADD CONSTRAINT "demand_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_job_id_solve_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."solve_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_changes" ADD CONSTRAINT "roster_changes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_periods" ADD CONSTRAINT "roster_periods_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_types" ADD CONSTRAINT "shift_types_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solve_jobs" ADD CONSTRAINT "solve_jobs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "absences_employee" ON "absences" USING btree ("organisation_id","employee_id");--> statement-breakpoint
CREATE INDEX "assignments_employee" ON "assignments" USING btree ("organisation_id","employee_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_job_unique" ON "proposals" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "roster_changes_period" ON "roster_changes" USING btree ("organisation_id","roster_period_id","version");--> statement-breakpoint
CREATE INDEX "roster_periods_team" ON "roster_periods" USING btree ("organisation_id","team_id");--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "solve_jobs_org" ON "solve_jobs" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "users_oidc_unique" ON "users" USING btree ("oidc_issuer","oidc_subject");--> statement-breakpoint
CREATE INDEX "visits_date" ON "visits" USING btree ("organisation_id","date");--> statement-breakpoint
CREATE INDEX "wishes_employee" ON "wishes" USING btree ("organisation_id","employee_id");