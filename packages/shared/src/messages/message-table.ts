import type { Language } from '../language.js';

/**
 * A message in every interface language, in ICU MessageFormat: `{name}` arguments, and counts as
 * `{count, plural, one {…} other {…}}` (docs/architecture.md §Strings).
 */
export type Message = Readonly<Record<Language, string>>;

/** A feature's codes with their messages; each feature owns one table. */
export type MessageTable = Readonly<Record<string, Message>>;
