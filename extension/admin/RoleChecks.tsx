import { ROLE_LABELS, Role } from '../../shared/enums';

interface Props {
  legend: string;
  idPrefix: string;
  value: readonly Role[];
  onChange: (roles: Role[]) => void;
  error?: string;
}

/** One checkbox per role in shared/enums.ts, so a new role appears here without a change. */
export function RoleChecks({ legend, idPrefix, value, onChange, error }: Props) {
  return (
    <fieldset class="roles" aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {Role.options.map((role) => (
        <label key={role} for={`${idPrefix}-${role}`} class="check">
          <input
            id={`${idPrefix}-${role}`}
            type="checkbox"
            checked={value.includes(role)}
            onChange={(e) => onChange(e.currentTarget.checked ? [...value, role] : value.filter((r) => r !== role))}
          />{' '}
          {ROLE_LABELS[role] ?? role}
        </label>
      ))}
      {error && <p class="field-error">{error}</p>}
    </fieldset>
  );
}
