import type { StandardSchemaV1 } from '@standard-schema/spec';
import { set, type FieldErrors, type FieldValues, type Resolver } from 'react-hook-form';
import { fieldName } from './paths.js';

const segmentOf = (segment: PropertyKey | StandardSchemaV1.PathSegment) =>
  typeof segment === 'object' ? segment.key : segment;

/**
 * The form's errors for a schema's issues: one per place, the messages of several issues at one
 * place read as one text (as the API's problems do).
 */
export function errorsOfIssues(issues: readonly StandardSchemaV1.Issue[]): FieldErrors {
  const messages = new Map<string, string>();
  for (const issue of issues) {
    const name = fieldName((issue.path ?? []).map((segment) => String(segmentOf(segment))));
    const key = name === '' ? 'root' : name;
    const earlier = messages.get(key);
    messages.set(key, earlier ? `${earlier} ${issue.message}` : issue.message);
  }
  const errors: FieldErrors = {};
  for (const [name, message] of messages) set(errors, name, { type: 'domain', message });
  return errors;
}

/**
 * Runs a Standard Schema (e.g. `domainSchema`) as the form kit's resolver: the values it returns
 * are what the form submits, its issues the fields' errors.
 */
export function standardResolver<Values extends FieldValues, Output>(
  schema: StandardSchemaV1<Values, Output>,
): Resolver<Values, unknown, Output> {
  return async (values) => {
    const result = await schema['~standard'].validate(values);
    if (result.issues) {
      return { values: {}, errors: errorsOfIssues(result.issues) as FieldErrors<Values> };
    }
    return { values: result.value, errors: {} };
  };
}
