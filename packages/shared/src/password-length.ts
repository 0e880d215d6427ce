/**
 * How long a password may be (docs/rules.md §6). The API enforces it; the web app says it ahead.
 * Long passphrases are welcome; the cap only keeps hashing cheap and the column bounded.
 */
export const passwordMinLength = 10;
export const passwordMaxLength = 200;
