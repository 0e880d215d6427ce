import type { Language } from '../language.js';

/** A message in every interface language; `{name}` placeholders are filled from parameters. */
export type Message = Readonly<Record<Language, string>>;

/** A feature's codes with their messages; each feature owns one table. */
export type MessageTable = Readonly<Record<string, Message>>;
