import type { z } from 'zod';

/**
 * Placeholder until the identifier detector lands (issue 3): walks the request schema for
 * free-text fields. Kept here so register() already calls it for every write.
 */
export function checkFreeText(_schema: z.ZodType, _value: unknown): void {}
