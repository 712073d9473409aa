import { useMemo } from 'react';
import { useRoleLabel } from './role-label.js';
import { roleNames, type RoleOption } from './use-role-options.js';

/** A role picker over the known roles. */
export function RoleSelect(p: {
  readonly roles: readonly RoleOption[];
  readonly value: string;
  readonly label: string;
  readonly disabled?: boolean;
  readonly title?: string;
  onChange(key: string): void;
  readonly testId?: string;
}) {
  const names = useMemo(() => roleNames(p.roles), [p.roles]);
  const label = useRoleLabel(names);
  const known = p.roles.some((r) => r.key === p.value);
  return (
    <select
      aria-label={p.label}
      value={p.value}
      disabled={p.disabled}
      title={p.title}
      onChange={(e) => p.onChange(e.target.value)}
      data-testid={p.testId}
    >
      {!known && <option value={p.value}>{label(p.value)}</option>}
      {p.roles.map((r) => (
        <option key={r.key} value={r.key}>
          {label(r.key)}
        </option>
      ))}
    </select>
  );
}
