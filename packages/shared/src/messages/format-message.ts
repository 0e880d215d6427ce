import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { localeOf, type Language } from '../language.js';
import { isPlainText } from './plain-text.js';

/**
 * A message in ICU MessageFormat (docs/architecture.md §Strings): its text, or the text compiled
 * ahead (the web app's build compiles its catalogues, so phones need no parser). Plain text
 * without `{`, `}` or `'` is its own compiled form.
 */
export type MessageSource = string | readonly MessageFormatElement[];

export type MessageValues = Readonly<Record<string, unknown>>;

export { isPlainText };

// Compiled once per language and message: texts by their wording, compiled trees by identity.
const cache = new Map<
  Language,
  { texts: Map<string, IntlMessageFormat>; trees: WeakMap<object, IntlMessageFormat> }
>();

function compiled(message: MessageSource, language: Language): IntlMessageFormat {
  let forLanguage = cache.get(language);
  if (!forLanguage) cache.set(language, (forLanguage = { texts: new Map(), trees: new WeakMap() }));
  const found =
    typeof message === 'string' ? forLanguage.texts.get(message) : forLanguage.trees.get(message);
  if (found) return found;
  // Tags are not ours: a `<` in a message is text.
  const format = new IntlMessageFormat(message as string, localeOf[language], undefined, {
    ignoreTag: true,
  });
  if (typeof message === 'string') forLanguage.texts.set(message, format);
  else forLanguage.trees.set(message, format);
  return format;
}

/** The names of the arguments a compiled message uses, nested plural branches included. */
function argumentNames(elements: readonly MessageFormatElement[], into = new Set<string>()) {
  for (const element of elements) {
    if ('value' in element && element.type !== 0 && typeof element.value === 'string') {
      into.add(element.value);
    }
    if ('options' in element) {
      for (const option of Object.values(element.options)) argumentNames(option.value, into);
    }
  }
  return into;
}

/**
 * The message in a language with its arguments filled in. A missing argument shows as `{name}`
 * rather than failing: a wrong parameter must not take a page or an error response down.
 */
export function formatMessage(
  message: MessageSource,
  language: Language,
  values: MessageValues = {},
): string {
  if (typeof message === 'string' && isPlainText(message)) return message;
  const format = compiled(message, language);
  const filled: Record<string, unknown> = { ...values };
  for (const name of argumentNames(format.getAst())) {
    if (filled[name] === undefined || filled[name] === null) filled[name] = `{${name}}`;
  }
  return String(format.format(filled));
}
