// The Node APIs the worker uses (nodejs_compat, see lib/crypto.ts), declared here so the worker's
// types stay Workers types rather than pulling in all of @types/node.
declare module 'node:crypto' {
  interface Hash {
    update(data: string, encoding: 'utf8'): Hash;
    digest(encoding: 'hex'): string;
  }
  export function createHash(algorithm: 'sha256'): Hash;
  export function createHmac(algorithm: 'sha256', key: string): Hash;
}
