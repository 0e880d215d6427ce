import { useId, useRef, type FormHTMLAttributes, type ReactNode } from 'react';
import {
  FormProvider,
  type FieldValues,
  type SubmitHandler,
  type UseFormReturn,
} from 'react-hook-form';
import { FormFrameContext, type FormFrame } from './form-context.js';
import './form.css';

/**
 * A form of the kit: the kit's state for its fields, no browser validation bubbles (the domain's
 * messages show beside the fields instead), and a stable id its controls' ids start with.
 */
export function Form<Values extends FieldValues, Output = Values>({
  form,
  onSubmit,
  id,
  children,
  ...rest
}: {
  form: UseFormReturn<Values, unknown, Output>;
  onSubmit: SubmitHandler<Output>;
  /** Start of the controls' ids; a generated one when the page has one form of its kind. */
  id?: string;
  children: ReactNode;
} & Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'id' | 'children'>) {
  const generated = useId();
  const labels = useRef(new Map<string, string>());
  const frame = useRef<FormFrame | null>(null);
  const formId = id ?? `form${generated}`;
  if (frame.current?.id !== formId) frame.current = { id: formId, labels: labels.current };
  return (
    <FormProvider {...form}>
      <FormFrameContext value={frame.current}>
        <form
          id={formId}
          noValidate
          onSubmit={(event) => void form.handleSubmit(onSubmit)(event)}
          {...rest}
        >
          {children}
        </form>
      </FormFrameContext>
    </FormProvider>
  );
}
