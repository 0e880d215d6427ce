import type { ReactNode } from 'react';
import { Field } from '../../../app/form/field.js';

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

/** A kit `Field` with a select of fixed values, each shown by `labelOf` (a draft's choice). */
export function SelectField<Value extends string>({
  name,
  label,
  value,
  values,
  labelOf,
  onChange,
}: {
  name: string;
  label: string;
  value: Value;
  values: readonly Value[];
  labelOf(value: Value): string;
  onChange(value: Value): void;
}) {
  return (
    <Field name={name} label={label}>
      {(control) => (
        <select
          {...control}
          value={value}
          onChange={(event) => onChange(event.target.value as Value)}
        >
          {values.map((option) => (
            <option key={option} value={option}>
              {labelOf(option)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
