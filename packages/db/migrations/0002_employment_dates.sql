ALTER TABLE "employees" ADD COLUMN "employment_start" text;--> statement-breakpoint
ALTER TABLE "employees" ADD COLUMN "employment_end" text;