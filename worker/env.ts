import type { IdentifierSpan } from '../shared/phi/types';
import type { User } from '../shared/users';

export interface Env {
  DB: D1Database;
  /** The identifier detector's Worker (wrangler.jsonc `services`, worker/detector.ts). */
  DETECTOR: Detector;
  /** Worker secret: lets the first admin enroll on an empty database, once. */
  BOOTSTRAP_CODE?: string;
  /** Comma-separated extra CORS origins (e.g. a fixed enterprise extension id). */
  ALLOWED_ORIGINS?: string;
  ENVIRONMENT?: string;
  /**
   * Comma-separated Chrome/Edge extension ids (32 letters a–p) that a chat or e-mail link's /go/ page
   * asks to open the item (worker/lib/go-page.ts). Without one, the page only says where the item waits.
   */
  EXTENSION_IDS?: string;
  /**
   * Worker secret: the key confirmed spans are audited under (HMAC). One random value per deployment;
   * without one, production audits the kind alone (worker/services/identifiers.ts, docs/operations.md).
   */
  AUDIT_SPAN_KEY?: string;
  /**
   * Cloudflare Email's `send_email` binding (wrangler.jsonc `send_email`), for e-mail channels set to
   * "Cloudflare Email"; without it they fail visibly in the admin panel's deliveries.
   */
  EMAIL?: SendEmail;
  /** Rate Limiting bindings (wrangler.jsonc `ratelimits`), see worker/middleware/rate-limit.ts. */
  RATE_LIMIT_USER_WRITES?: RateLimit;
  RATE_LIMIT_IP_WRITES?: RateLimit;
  RATE_LIMIT_CODE_USE?: RateLimit;
  RATE_LIMIT_USER_READS?: RateLimit;
  RATE_LIMIT_IP_READS?: RateLimit;
  RATE_LIMIT_USER_SEARCHES?: RateLimit;
}

/**
 * The identifier detector as the API reaches it: the curbside-detector Worker over the service binding
 * `DETECTOR` (RPC). Its answer for each text is exactly `findIdentifiers(text)` (shared/phi.ts); one
 * call carries every text a request needs checked.
 */
export interface Detector {
  find(texts: string[]): Promise<IdentifierSpan[][]>;
}

export interface Auth {
  user: User;
  tokenHash: string;
  expiresAt: number;
  /** The device's sign-in (db/sign-ins.ts); null only for a token written outside the API. */
  signInId: string | null;
}

export type AppEnv = {
  Bindings: Env;
  Variables: {
    auth: Auth | undefined;
    requestId: string;
    replayed: boolean;
    /** The per-address limit's verdict, once asked (rate-limit.ts `requireAddressAllowance`). */
    addressAllowance: Promise<boolean> | undefined;
    /** The request's rate-limit verdict, asked before validation and awaited before the handler (rate-limit.ts). */
    allowance: Promise<void> | undefined;
  };
};
