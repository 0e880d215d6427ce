import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fieldErrorOf, fieldOfCode } from './form-errors.js';

const apiError = (code: string, params: Record<string, unknown> = {}) =>
  new CombinedError({ graphQLErrors: [new GraphQLError('x', { extensions: { code, params } })] });

describe('which field a refusal belongs to', () => {
  it.each([
    ['PLATE_EMPTY', 'plate'],
    ['PLATE_NOT_DUTCH', 'plate'],
    ['PLATE_TOO_LONG', 'plate'],
    ['FAVORITE_ALREADY_EXISTS', 'plate'],
    ['PLATE_INVALID_COUNTRY', 'country'],
    ['FAVORITE_NAME_REQUIRED', 'name'],
    ['FAVORITE_NAME_TOO_LONG', 'name'],
    ['FAVORITE_LIMIT_REACHED', null],
    ['NOT_FOUND', null],
  ] as const)('%s → %s', (code, field) => {
    expect(fieldOfCode(code)).toBe(field);
  });
});

describe('field errors', () => {
  it('says the catalogue message with its parameters beside the field', () => {
    expect(fieldErrorOf(apiError('FAVORITE_NAME_TOO_LONG', { max: 10 }), 'nl')).toEqual({
      field: 'name',
      message: 'De naam van een favoriet heeft hoogstens 10 tekens.',
    });
    expect(fieldErrorOf(apiError('PLATE_NOT_DUTCH', { plate: 'B1234' }), 'en')?.field).toBe(
      'plate',
    );
  });

  it('puts a network failure on the form', () => {
    const error = new CombinedError({ networkError: new Error('offline') });
    expect(fieldErrorOf(error, 'nl')?.field).toBeNull();
  });

  it('is nothing without an error', () => {
    expect(fieldErrorOf(undefined, 'nl')).toBeNull();
  });
});
