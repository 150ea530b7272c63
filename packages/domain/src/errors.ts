import type { z } from 'zod';

/** A validation problem that names where it is: a field path, or a file, line and column. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly where?: string,
  ) {
    super(where ? `${where}: ${message}` : message);
    this.name = 'InputError';
  }
}

/** Turn a zod error into one readable line per issue, each naming the field path. */
export function describeZodError(error: z.ZodError, prefix = ''): string {
  return error.issues
    .map((issue) => {
      const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
      return `${path || '(root)'}: ${issue.message}`;
    })
    .join('\n');
}

/** Parse with a schema or throw an InputError naming each bad field. */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, where = ''): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new InputError(describeZodError(result.error, where));
  return result.data;
}

/**
 * Options for a zod refinement whose text exists in Dutch and English: `message` is the English
 * text (CLI, logs), `params` carries both, so the API answers in the client's language.
 */
export function bilingual(
  nl: string,
  en: string,
  path?: PropertyKey[],
): { message: string; params: { nl: string; en: string }; path?: PropertyKey[] } {
  return path ? { message: en, params: { nl, en }, path } : { message: en, params: { nl, en } };
}
