import { parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { isPlainText, type MessageSource } from './format-message.js';

const parsed = new Map<string, readonly MessageFormatElement[]>();

/**
 * A table's message compiled, once per wording. The parser comes with the tables, not with the
 * formatter: the web app's first download formats only its own precompiled strings
 * (docs/architecture.md §Strings).
 */
export function compiledMessage(text: string): MessageSource {
  if (isPlainText(text)) return text;
  let tree = parsed.get(text);
  if (!tree) parsed.set(text, (tree = parse(text, { ignoreTag: true })));
  return tree;
}
