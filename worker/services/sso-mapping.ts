import type { Role } from '../../shared/enums';
import type { SsoMapping } from '../../shared/sso';
import { isActive } from '../db/catalog';
import { ApiError } from '../lib/errors';

/** A claim as a list of strings: `groups` is an array, `department` a string, others may be numbers. */
function claimValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v) => ['string', 'number'].includes(typeof v)).map(String);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  return [];
}

/**
 * Roles and unit from the organisation's mappings: the union of the roles of every mapping whose claim
 * holds its value, the unit of the first such mapping that names one. Nobody matched is a clinician.
 */
export function mapClaims(
  mappings: readonly SsoMapping[],
  claims: Record<string, unknown>,
): { roles: Role[]; unitId: string | null } {
  const matched = mappings.filter((m) => claimValues(claims[m.claim]).includes(m.value));
  const roles = [...new Set(matched.flatMap((m) => m.roles))].sort();
  return {
    roles: roles.length > 0 ? roles : ['clinician'],
    unitId: matched.find((m) => m.unitId)?.unitId ?? null,
  };
}

/** SCIM groups are the `groups` claim by other means: the same mappings, matched on display names. */
export function mapGroups(mappings: readonly SsoMapping[], groupNames: readonly string[]) {
  return mapClaims(
    mappings.filter((m) => m.claim === 'groups'),
    { groups: groupNames },
  );
}

/**
 * Every unit a mapping names is an active unit, checked when the mappings are saved: a just-in-time
 * user or a SCIM group member placed in a unit that is not there would otherwise fail at sign-in.
 */
export async function requireMappedUnits(db: D1Database, mappings: readonly SsoMapping[]): Promise<void> {
  const issues = [];
  for (const [i, m] of mappings.entries()) {
    if (m.unitId && !(await isActive(db, 'units', m.unitId)))
      issues.push({ path: ['mappings', i, 'unitId'], message: 'Unknown unit' });
  }
  if (issues.length > 0)
    throw new ApiError(400, 'validation_failed', 'A mapping names a unit that does not exist', issues);
}
