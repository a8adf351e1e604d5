import type { MiddlewareHandler } from 'hono';
import { compareVersions } from '../../shared/settings';
import { getSettings } from '../db/settings';
import type { AppEnv } from '../env';
import { ApiError } from '../lib/errors';

export const VERSION_HEADER = 'X-Curbside-Version';

/**
 * The extension names its version; one older than the organisation's minimum is told to update, with
 * the organisation's instructions in the error itself (an old extension can read nothing else).
 */
export function requireMinVersion(): MiddlewareHandler<AppEnv> {
  return async function requireMinVersion(c, next) {
    const version = c.req.header(VERSION_HEADER);
    if (version && /^\d+\.\d+\.\d+$/.test(version)) {
      const { minExtensionVersion, updateInstructions } = await getSettings(c.env.DB);
      if (compareVersions(version, minExtensionVersion) < 0) {
        throw new ApiError(
          426,
          'upgrade_required',
          `This version of Curbside (${version}) is too old; update to ${minExtensionVersion} or later`,
          { minimumVersion: minExtensionVersion, instructions: updateInstructions || null },
        );
      }
    }
    await next();
  };
}
