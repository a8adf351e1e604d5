import type { Role } from '../../shared/enums';
import type { SsoMapping } from '../../shared/sso';

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
