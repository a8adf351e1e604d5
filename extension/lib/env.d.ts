// The root tsconfig lists its own `include`, so WXT's generated references are pulled in here.
/// <reference types="wxt/vite-builder-env" />

interface ImportMetaEnv {
  /** Build-time default API address; policy or the user may override it at sign-in. */
  readonly WXT_API_URL?: string;
  /** 'true' in end-to-end test builds only (see lib/capture.ts). */
  readonly WXT_E2E?: string;
}
