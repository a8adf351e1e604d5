import { ROLE_LABELS, Role } from '../../shared/enums';
import { Check, toggled } from '../ui/Check';

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
        <Check
          key={role}
          id={`${idPrefix}-${role}`}
          checked={value.includes(role)}
          onChange={(on) => onChange(toggled(value, role, on))}
        >
          {ROLE_LABELS[role] ?? role}
        </Check>
      ))}
      {error && <p class="field-error">{error}</p>}
    </fieldset>
  );
}
