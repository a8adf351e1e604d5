/**
 * WebCrypto boxes for what the extension keeps on disk. Two kinds, both AES-GCM with the owner's
 * user id bound in as associated data (one user's box cannot be passed off as another's):
 * - `SealedBox`: sealed directly with a user's 256-bit key from the server (receipts, and the
 *   private half of the user's device key pair);
 * - `Sealed`: sealed *to* a user's device public key (ECDH P-256 + HKDF), so it can be written
 *   while the user's server key is not in memory (offline after a browser restart) and read only
 *   once it is again.
 */

/** AES-GCM output, base64: a fresh 96-bit IV per seal. */
export interface SealedBox {
  iv: string;
  data: string;
}

/** A `SealedBox` under a key agreed with `epk` (the sender's ephemeral P-256 public key, raw, base64). */
export interface Sealed extends SealedBox {
  epk: string;
}

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}
export const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const fromHex = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (h) => Number.parseInt(h, 16));

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;
const INFO = new TextEncoder().encode('curbside sealed v1');

async function importKey(hex: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', fromHex(hex), 'AES-GCM', false, ['encrypt', 'decrypt']);
}

async function encrypt(key: CryptoKey, userId: string, value: unknown): Promise<SealedBox> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(userId) },
    key,
    new TextEncoder().encode(JSON.stringify(value)),
  );
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

async function decrypt<T>(key: CryptoKey, userId: string, box: SealedBox): Promise<T> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64(box.iv), additionalData: new TextEncoder().encode(userId) },
    key,
    fromBase64(box.data),
  );
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}

/** Seals with the user's key from the server (64 hex characters). */
export async function seal(hexKey: string, userId: string, value: unknown): Promise<SealedBox> {
  return encrypt(await importKey(hexKey), userId, value);
}

/** Throws when the key or user is not the one that sealed the box. */
export async function unseal<T>(hexKey: string, userId: string, box: SealedBox): Promise<T> {
  return decrypt<T>(await importKey(hexKey), userId, box);
}

/** A device key pair: the public half raw, the private half PKCS #8, both base64. */
export async function newKeyPair(): Promise<{ publicKey: string; privateKey: string }> {
  const pair = (await crypto.subtle.generateKey(ECDH, true, ['deriveBits'])) as CryptoKeyPair;
  const [pub, priv] = await Promise.all([
    crypto.subtle.exportKey('raw', pair.publicKey),
    crypto.subtle.exportKey('pkcs8', pair.privateKey),
  ]);
  return { publicKey: toBase64(new Uint8Array(pub)), privateKey: toBase64(new Uint8Array(priv)) };
}

export async function importPrivateKey(pkcs8: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('pkcs8', fromBase64(pkcs8), ECDH, false, ['deriveBits']);
}

/** The AES key two ECDH halves agree on, through HKDF (salted with the ephemeral key). */
async function agree(privateKey: CryptoKey, publicRaw: string, epk: string): Promise<CryptoKey> {
  const publicKey = await crypto.subtle.importKey('raw', fromBase64(publicRaw), ECDH, false, []);
  const bits = await crypto.subtle.deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256);
  const hkdf = await crypto.subtle.importKey('raw', bits, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: fromBase64(epk), info: INFO },
    hkdf,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** What seals to one public key: an ephemeral key pair and the AES key it agreed. Reusable (fresh IVs). */
export interface SealWriter {
  publicKey: string;
  epk: string;
  key: CryptoKey;
}

export async function writerFor(publicKey: string): Promise<SealWriter> {
  const eph = (await crypto.subtle.generateKey(ECDH, true, ['deriveBits'])) as CryptoKeyPair;
  const epk = toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', eph.publicKey)));
  return { publicKey, epk, key: await agree(eph.privateKey, publicKey, epk) };
}

export async function sealWith(writer: SealWriter, userId: string, value: unknown): Promise<Sealed> {
  return { epk: writer.epk, ...(await encrypt(writer.key, userId, value)) };
}

/** Opens boxes sealed to one private key; keys agreed per ephemeral key are kept for the next box. */
export function readerFor(privateKey: CryptoKey, userId: string) {
  const agreed = new Map<string, Promise<CryptoKey>>();
  return async function open<T>(box: Sealed): Promise<T> {
    let key = agreed.get(box.epk);
    if (!key) {
      key = agree(privateKey, box.epk, box.epk);
      agreed.set(box.epk, key);
    }
    return decrypt<T>(await key, userId, box);
  };
}
