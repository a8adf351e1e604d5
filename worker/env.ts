import type { IdentifierSpan } from '../shared/phi/types';
import type { User } from '../shared/users';
import type { ChannelSecret, MessageContent, SendOutcome } from './messages/types';

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
  /** The Worker that sends digests and alerts to channels (wrangler.jsonc `services`, worker/sender.ts). */
  SENDER: Sender;
  /** The Worker that checks ID tokens' signatures and claims (wrangler.jsonc `services`, worker/verifier.ts). */
  VERIFIER: Verifier;
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

/**
 * The message sender as the API reaches it: the curbside-sender Worker over the service binding `SENDER`
 * (RPC). One call is one attempt at one channel; the API keeps the queue and each outcome.
 */
export interface Sender {
  send(secret: ChannelSecret, content: MessageContent, production: boolean): Promise<SendOutcome>;
}

/**
 * The ID token check as the API reaches it: the curbside-verifier Worker over the service binding
 * `VERIFIER` (RPC), which runs jose's `jwtVerify` against the keys it is handed.
 */
export interface Verifier {
  verifyJwt(token: string, jwks: JwtCheck['jwks'], check: Omit<JwtCheck, 'jwks'>): Promise<JwtVerdict>;
}

/** What a token must satisfy: signed by one of `jwks`, and jose's claim checks at the time `at`. */
export interface JwtCheck {
  jwks: { keys: Record<string, unknown>[] };
  issuer: string;
  audience: string;
  algorithms: string[];
  /** Seconds either way. */
  clockTolerance: number;
  /** jose's `maxTokenAge` ('10m'), or null for none. */
  maxTokenAge: string | null;
  at: number;
  requiredClaims: string[];
}

/** The token's payload once verified, or why it was refused (`too_old`, `bad_aud`, `bad_signature`…). */
export type JwtVerdict = { payload: Record<string, unknown> } | { reason: string };

/** curbside-sender's own bindings (wrangler.sender.jsonc). */
export interface SenderEnv {
  /**
   * Cloudflare Email's `send_email` binding (wrangler.sender.jsonc `send_email`), for e-mail channels set
   * to "Cloudflare Email"; without it they fail visibly in the admin panel's deliveries.
   */
  EMAIL?: SendEmail;
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
