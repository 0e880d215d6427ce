import type { ReactNode } from 'react';

/** A radio button or checkbox with its label after it, inside a kit `FieldGroup`. */
export function Choice({
  type,
  name,
  checked,
  label,
  onChange,
  disabled,
}: {
  type: 'radio' | 'checkbox';
  name?: string;
  checked: boolean;
  label: ReactNode;
  onChange(checked: boolean): void;
  disabled?: boolean;
}) {
  return (
    <label className="field--inline admin-products__choice">
      <input
        type={type}
        name={name}
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span>{label}</span>
    </label>
  );
}
