import { GraphQLScalarType, type ValueNode } from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { AppError } from './app-error.js';

/** The years a date may lie in: the stores and the calendar code all hold them. */
export const dateYears = { min: 1900, max: 9999 } as const;

// An ISO date with a five-digit or signed year ('10000-01-01', '+010000-01-01') is out of range,
// not malformed: the same answer as for 1899.
const extendedYear = /^\s*(?:[+-]\d{4,}|\d{5,})-/;

function outOfRange(): AppError {
  return new AppError('DATE_OUT_OF_RANGE', { min: dateYears.min, max: dateYears.max });
}

function withinYears(date: Date): Date {
  const year = date.getUTCFullYear();
  if (year < dateYears.min || year > dateYears.max) throw outOfRange();
  return date;
}

function parsed(value: unknown, parse: () => unknown): Date {
  let date: unknown;
  try {
    date = parse();
  } catch (error) {
    if (typeof value === 'string' && extendedYear.test(value)) throw outOfRange();
    throw error;
  }
  return withinYears(date as Date);
}

/**
 * `DateTimeISO` as graphql-scalars defines it (same name, description and output), refusing
 * instants outside the years 1900–9999 as DATE_OUT_OF_RANGE: PostgreSQL, SQLite's epoch
 * milliseconds and the domain's four-digit local dates would each fail on them differently.
 */
export const BoundedDateTimeISO = new GraphQLScalarType({
  ...GraphQLDateTimeISO.toConfig(),
  parseValue: (value: unknown) => parsed(value, () => GraphQLDateTimeISO.parseValue(value)),
  parseLiteral: (node: ValueNode) =>
    parsed('value' in node ? node.value : undefined, () => GraphQLDateTimeISO.parseLiteral(node)),
});
