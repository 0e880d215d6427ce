import type { ExpectedAnswer } from '../src/partner-docs/guide-examples.js';

/** Stands for any text in an expected answer: ids, tokens, times that differ per call. */
export const anyText = '…';

/**
 * How an example's output differs from the answer its guide shows; empty when it matches.
 * A JSON answer (one or more documents one after the other) must have the same shape: the same
 * keys, arrays of the same length, the same numbers, booleans and strings, where `…` inside an
 * expected string matches any text. Any other answer is text compared whole, `…` again matching
 * anything (headers, a TwiML document).
 */
export function differences(expected: ExpectedAnswer, output: string): string[] {
  if (expected.language !== 'json') {
    return textMatches(expected.text.trim(), output.replace(/\r\n/g, '\n').trim())
      ? []
      : [`output ${JSON.stringify(output)} does not match ${JSON.stringify(expected.text)}`];
  }
  let want: unknown[];
  let got: unknown[];
  try {
    want = jsonDocuments(expected.text);
  } catch (error) {
    return [`the expected answer is not JSON: ${(error as Error).message}`];
  }
  try {
    got = jsonDocuments(output);
  } catch {
    return [`output is not JSON: ${JSON.stringify(output)}`];
  }
  if (want.length !== got.length) {
    return [`${got.length} JSON documents printed, ${want.length} expected`];
  }
  return want.flatMap((document, index) => compare(document, got[index], `[${index}]`));
}

function textMatches(pattern: string, text: string): boolean {
  const parts = pattern.split(anyText).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[\\s\\S]*')}$`).test(text);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

function compare(want: unknown, got: unknown, path: string): string[] {
  const wantKind = kindOf(want);
  if (wantKind !== kindOf(got)) return [`${path}: ${kindOf(got)} where ${wantKind} was expected`];
  if (Array.isArray(want)) {
    const list = got as unknown[];
    if (list.length !== want.length) {
      return [`${path}: ${list.length} items where ${want.length} were expected`];
    }
    return want.flatMap((item, index) => compare(item, list[index], `${path}[${index}]`));
  }
  if (wantKind === 'object') {
    const wanted = want as Record<string, unknown>;
    const actual = got as Record<string, unknown>;
    const keys = new Set([...Object.keys(wanted), ...Object.keys(actual)]);
    return [...keys].flatMap((key) => {
      if (!(key in actual)) return [`${path}.${key}: missing`];
      if (!(key in wanted)) return [`${path}.${key}: not in the expected answer`];
      return compare(wanted[key], actual[key], `${path}.${key}`);
    });
  }
  if (typeof want === 'string') {
    return textMatches(want, got as string)
      ? []
      : [`${path}: ${JSON.stringify(got)} where ${JSON.stringify(want)} was expected`];
  }
  return want === got
    ? []
    : [`${path}: ${JSON.stringify(got)} where ${JSON.stringify(want)} was expected`];
}

/** The JSON documents of a text that holds one or more, one after the other (curl in a loop). */
export function jsonDocuments(text: string): unknown[] {
  const documents: unknown[] = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  let start = -1;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (start < 0) {
      if (/\s/.test(char)) continue;
      if (char !== '{' && char !== '[') throw new Error(`unexpected ${char} at ${index}`);
      start = index;
    }
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) {
        documents.push(JSON.parse(text.slice(start, index + 1)));
        start = -1;
      }
    }
  }
  if (start >= 0) throw new Error('a JSON document is not closed');
  if (documents.length === 0) throw new Error('no JSON document');
  return documents;
}
