/** OpenAPI shape of a rule check answer (see rules-port.ts for the meaning of each field). */
import { z } from '@hono/zod-openapi';

const bilingual = z.object({ nl: z.string(), en: z.string() });
const localDateTime = z.string().openapi({ example: '2027-01-04T07:00' });

export const ruleViolationOut = z
  .object({
    ruleId: z.string().openapi({ example: 'atw.daily-rest' }),
    severity: z.string().openapi({
      description:
        'Same as `tier`: legal, cao, healthy, preference; `absence` for a shift on a day its employee is absent (rule `roster.shift-during-absence`, no source: the shift needs cover)',
    }),
    employeeId: z.string().optional(),
    date: z.string().optional().openapi({ description: 'Local date the violation period starts' }),
    message: z.string().openapi({ description: 'Dutch message; `messages` has both languages' }),
    tier: z.string().optional(),
    title: bilingual.optional(),
    messages: bilingual.optional(),
    source: z
      .object({
        document: z.string().openapi({ example: 'ATW' }),
        article: z.string().openapi({ example: '5:3 lid 1' }),
        edition: z.string().optional().openapi({ description: 'CAO edition the article was read in' }),
        cite: z.string().openapi({ example: 'ATW art. 5:3 lid 1' }),
      })
      .optional(),
    value: z.number().optional().openapi({ description: 'Measured, in `unit`' }),
    limit: z.number().optional().openapi({ description: 'Limit of the rule, in `unit`' }),
    unit: z.string().optional().openapi({ description: '"min", "min/week" or "count"' }),
    aspect: z.string().optional(),
    period: z.object({ start: localDateTime, end: localDateTime }).optional(),
    endDate: z.string().optional(),
    dates: z.array(z.string()).optional().openapi({ description: 'Roster dates the violation is about' }),
    shifts: z
      .array(
        z.object({
          date: z.string(),
          start: localDateTime,
          end: localDateTime,
          breakMinutes: z.number(),
          shiftTypeId: z.string().optional(),
        }),
      )
      .optional(),
    unconfirmed: z.boolean().optional(),
    unconfirmedReasons: z.object({ nl: z.array(z.string()), en: z.array(z.string()) }).optional(),
  })
  .openapi('RuleViolation');

export const ruleCheckOut = z
  .object({ violations: z.array(ruleViolationOut), detail: z.unknown().optional() })
  .openapi('RuleCheck');
