/** Shared API schemas: domain entities with their version, pages, problems. */
import { z } from '@hono/zod-openapi';
import {
  absenceSchema,
  assignmentSchema,
  careVisitSchema,
  clientSchema,
  demandSchema,
  employeeSchema,
  rosterPeriodSchema,
  shiftTypeSchema,
  teamSchema,
  wishSchema,
} from '@planmaat/domain';

export const version = z.number().int().min(1);

export const employeeOut = employeeSchema.extend({ version }).openapi('Employee');
export const shiftTypeOut = shiftTypeSchema.extend({ version }).openapi('ShiftType');
export const teamOut = teamSchema.extend({}).openapi('Team');
export const rosterPeriodOut = rosterPeriodSchema.extend({ version }).openapi('RosterPeriod');
export const assignmentOut = assignmentSchema.extend({}).openapi('Assignment');
export const demandOut = demandSchema;
export const absenceOut = absenceSchema;
export const wishOut = wishSchema;
export const clientOut = clientSchema.extend({}).openapi('Client');
export const visitOut = careVisitSchema;

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string(), message: z.string(), code: z.string().optional() }))
      .optional(),
  })
  .passthrough()
  .openapi('Problem');

export const problems = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((code) => [
      code,
      {
        description: PROBLEM_TEXT[code] ?? 'Problem',
        content: { 'application/problem+json': { schema: problemSchema } },
      },
    ]),
  );

const PROBLEM_TEXT: Record<number, string> = {
  400: 'Invalid input (problem+json naming the field)',
  401: 'Not signed in',
  403: 'Role does not allow this, or CSRF token missing',
  404: 'Not found in this organisation',
  409: 'Edit conflict: the record changed since the given version; lists the changes',
  413: 'Request body too large',
  422: 'Cannot be applied (names the field)',
  503: 'Queue not available in this process',
};

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export function pageOf<T extends z.ZodTypeAny>(item: T, name: string) {
  return z
    .object({
      items: z.array(item),
      total: z.number().int(),
      limit: z.number().int(),
      offset: z.number().int(),
    })
    .openapi(name);
}

export const idParam = z.object({ id: z.string().min(1).max(100) });

export const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodTypeAny>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});
