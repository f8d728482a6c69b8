// The certified result report's route contract (browser-safe: zod only).
import { z } from 'zod';

export const REPORT_MEDIA_TYPES = ['application/pdf'] as const;
export const reportQuerySchema = z.strictObject({ lang: z.enum(['en', 'es']).default('en') });
export const reportBytesSchema = z.string().describe('the certified result report (application/pdf)');
