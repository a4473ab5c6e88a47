import type { z } from 'zod';
import { validationError } from './errors';

/** Parse at an edge: a zod failure becomes one VALIDATION error naming every bad field. */
export const parseOrThrow = <S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const text = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  throw validationError(`Invalid ${what}: ${text}`, { issues });
};
