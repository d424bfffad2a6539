import type { z } from 'zod';

/** JSON text read as a value of the schema; anything else is null, never repaired. */
export function parseJsonAs<T>(schema: z.ZodType<T>, text: string | null | undefined): T | null {
  if (typeof text !== 'string') return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
