CREATE TABLE "staff_flags" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"team_id" text NOT NULL,
	"date" text NOT NULL,
	"theme" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_actions" (
	"organisation_id" text NOT NULL,
	"team_id" text NOT NULL,
	"id" text NOT NULL,
	"period_id" text NOT NULL,
	"text" text NOT NULL,
	"owner" text,
	"status" text DEFAULT 'open' NOT NULL,
	"follow_up" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_actions_organisation_id_team_id_id_pk" PRIMARY KEY("organisation_id","team_id","id")
);
--> statement-breakpoint
ALTER TABLE "staff_flags" ADD CONSTRAINT "staff_flags_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_actions" ADD CONSTRAINT "team_actions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_flags_team" ON "staff_flags" USING btree ("organisation_id","team_id","date");