import { z } from 'zod';

export const Id = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'Not a valid id');
export const ClientId = z.uuid();
/** 256-bit secrets (receipts) travel as 64 lower-case hex characters. */
export const Secret256 = z.string().regex(/^[0-9a-f]{64}$/, 'Expected 64 hex characters');
export const IsoTime = z.iso.datetime();
export const IdParams = z.object({ id: Id });
