import { createContext, useContext } from 'react';

/** What the fields of one form share: the id their controls' ids start with, and their labels. */
export interface FormFrame {
  readonly id: string;
  /** Field name → its label, so the error summary names the field it links to. */
  readonly labels: Map<string, string>;
}

export const FormFrameContext = createContext<FormFrame | null>(null);

export function useFormFrame(): FormFrame {
  const frame = useContext(FormFrameContext);
  if (!frame) throw new Error('A field of the form kit is used outside its <Form>.');
  return frame;
}
