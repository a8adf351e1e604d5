import { z } from 'zod';
import { Secret256 } from './ids';

/**
 * A random 256-bit key per user. The extension seals anonymous-flag receipts with it (AES-GCM), so
 * on a shared workstation the next person cannot read them; the ciphertext never leaves the browser.
 */
export const ReceiptKey = z.object({ key: Secret256 });
export type ReceiptKey = z.infer<typeof ReceiptKey>;
