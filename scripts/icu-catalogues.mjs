// @ts-check
/**
 * Brings message catalogues to ICU MessageFormat (docs/architecture.md §Strings):
 * - the web app's `i18n/<language>.json`: i18next's `{{name}}` becomes `{name}`, and a key's
 *   plural forms (`key_zero`, `key_one`, `key_other`) become one message
 *   `{count, plural, =0 {…} one {…} other {…}}` under `key`;
 * - in every catalogue, also the shared tables (`packages/shared/src/messages/*.messages.ts`), a
 *   message that shows a count outside a plural becomes `{count, plural, one {…} other {…}}`,
 *   its singular guessed from the words it knows below. A singular it cannot guess is the plural
 *   text again, and the script names the message: write its singular by hand.
 * A count is an argument named as in COUNT_ARGUMENT (the rule the catalogue tests check too).
 *
 * Running it again changes nothing, so it can be run on files written later in the old syntax.
 * Usage: node scripts/icu-catalogues.mjs [file or folder ...]   (none: every catalogue)
 */
import console from 'node:console';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The rule of packages/shared/src/messages/count-arguments.ts (keep the two the same). */
const COUNT_ARGUMENT =
  /^(count|(?:[a-z]+)?(?:Count|Minutes|Hours|Days|Weeks|Months|Years)|minutes|hours|days|weeks|months|years)$/;

const PLURAL_SUFFIX = /^(.+)_(zero|one|other)$/;

/** Singulars of the words that follow a count, per language; `(en)` and `(s)` drop out too. */
const singulars = {
  nl: {
    minuten: 'minuut',
    uren: 'uur',
    dagen: 'dag',
    weken: 'week',
    maanden: 'maand',
    jaren: 'jaar',
    fouten: 'fout',
    sessies: 'sessie',
    parkeeracties: 'parkeeractie',
    vergunningen: 'vergunning',
    instellingen: 'instelling',
    tekens: 'teken',
    favorieten: 'favoriet',
  },
  en: {
    minutes: 'minute',
    hours: 'hour',
    days: 'day',
    weeks: 'week',
    months: 'month',
    years: 'year',
    errors: 'error',
    sessions: 'session',
    permits: 'permit',
    settings: 'setting',
    characters: 'character',
    favourites: 'favourite',
    favorites: 'favorite',
  },
};

/** @type {string[]} */
const toCheck = [];

/**
 * i18next's `{{name}}` (with optional spaces or a format after a comma) as ICU's `{name}`. A
 * message with a plural or select is ICU already: there `{{name}` opens a branch.
 */
const icuArguments = (/** @type {string} */ text) =>
  /,\s*(plural|select|selectordinal)\s*,/.test(text)
    ? text
    : text.replace(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g, '{$1}');

/** The names of the arguments a message shows outside any plural or select. */
function topLevelArguments(/** @type {string} */ text) {
  const names = [];
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '{') {
      if (depth === 0) {
        const match = /^\{\s*(\w+)\s*(,\s*(\w+))?/.exec(text.slice(i));
        if (match && !['plural', 'select', 'selectordinal'].includes(match[3] ?? '')) {
          names.push(match[1]);
        }
      }
      depth += 1;
    } else if (text[i] === '}') depth -= 1;
  }
  return names;
}

/** The text with the word after each count, and every `(en)`/`(s)`, in the singular. */
function singular(/** @type {string} */ text, /** @type {'nl' | 'en'} */ language) {
  const words = /** @type {Record<string, string>} */ (singulars[language]);
  return text
    .replace(/#(\s+)([\p{L}]+)/gu, (whole, space, word) =>
      Object.hasOwn(words, word.toLowerCase()) ? `#${space}${words[word.toLowerCase()]}` : whole,
    )
    .replace(/\((?:en|s)\)/g, '');
}

const pluralText = (/** @type {string} */ text) =>
  text.replace(/(\p{L})\(en\)/gu, '$1en').replace(/(\p{L})\(s\)/gu, '$1s');

/** A message whose counts all sit in plurals; `where` names it for the list to check by hand. */
function withPlurals(
  /** @type {string} */ text,
  /** @type {'nl' | 'en'} */ language,
  /** @type {string} */ where,
) {
  const counts = [...new Set(topLevelArguments(text).filter((name) => COUNT_ARGUMENT.test(name)))];
  let result = text;
  for (const name of counts) {
    // `#` is the count inside its plural; with more counts each keeps its own name.
    const inside = counts.length === 1 ? result.replaceAll(`{${name}}`, '#') : result;
    const one = singular(inside, language);
    const other = pluralText(inside);
    if (one === other) toCheck.push(where);
    result = `{${name}, plural, one {${one}} other {${other}}}`;
  }
  return result;
}

/** A group of i18next plural forms as one ICU plural on `count`. */
function mergedPlural(/** @type {Record<string, string>} */ forms) {
  const branch = (/** @type {string} */ text) => icuArguments(text).replaceAll('{count}', '#');
  const parts = [];
  if (forms.zero !== undefined) parts.push(`=0 {${branch(forms.zero)}}`);
  if (forms.one !== undefined) parts.push(`one {${branch(forms.one)}}`);
  parts.push(`other {${branch(forms.other ?? '')}}`);
  return `{count, plural, ${parts.join(' ')}}`;
}

/** One level of a JSON catalogue, converted; keys keep their order. */
function convertObject(
  /** @type {Record<string, unknown>} */ node,
  /** @type {'nl' | 'en'} */ language,
  /** @type {string} */ where,
) {
  /** @type {Record<string, unknown>} */
  const result = {};
  for (const [key, value] of Object.entries(node)) {
    const plural = PLURAL_SUFFIX.exec(key);
    if (plural && typeof node[`${plural[1]}_other`] === 'string') {
      const base = plural[1];
      if (base in result) continue;
      /** @type {Record<string, string>} */
      const forms = {};
      for (const form of ['zero', 'one', 'other']) {
        const text = node[`${base}_${form}`];
        if (typeof text === 'string') forms[form] = text;
      }
      result[base] = mergedPlural(forms);
    } else if (typeof value === 'string') {
      result[key] = withPlurals(icuArguments(value), language, `${where}${key}`);
    } else if (Array.isArray(value)) {
      // A list (paragraphs, steps) stays a list: each string of it converted on its own.
      result[key] = value.map((item, index) =>
        typeof item === 'string'
          ? withPlurals(icuArguments(item), language, `${where}${key}.${index}`)
          : item,
      );
    } else if (typeof value === 'object' && value !== null) {
      result[key] = convertObject(
        /** @type {Record<string, unknown>} */ (value),
        language,
        `${where}${key}.`,
      );
    } else {
      result[key] = value;
    }
  }
  return result;
}

function convertJson(/** @type {string} */ source, /** @type {string} */ file) {
  const language = basename(file, '.json');
  if (language !== 'nl' && language !== 'en') return source;
  const converted = convertObject(JSON.parse(source), language, `${relative(root, file)}: `);
  return `${JSON.stringify(converted, null, 2)}\n`;
}

/** A shared table: each `nl: '…'` / `en: '…'` string literal, converted. */
function convertTable(/** @type {string} */ source, /** @type {string} */ file) {
  let code = '';
  return source.replace(
    /(\b(\w+):\s*\{)|\b(nl|en)(:\s*)('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/g,
    (whole, opening, name, language, colon, literal) => {
      if (opening) {
        code = name;
        return whole;
      }
      const text = literal.startsWith("'")
        ? literal.slice(1, -1).replace(/\\(.)/g, '$1')
        : JSON.parse(literal);
      const converted = withPlurals(text, language, `${relative(root, file)}: ${code}.${language}`);
      if (converted === text) return whole;
      return `${language}${colon}'${converted.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    },
  );
}

/** Every catalogue under a folder (node_modules and builds left out). */
function cataloguesUnder(/** @type {string} */ folder) {
  /** @type {string[]} */
  const found = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!['node_modules', 'dist', '.turbo'].includes(entry.name))
        found.push(...cataloguesUnder(path));
    } else if (isCatalogue(path)) found.push(path);
  }
  return found;
}

const isCatalogue = (/** @type {string} */ path) =>
  /\.messages\.ts$/.test(path) ||
  (basename(dirname(path)) === 'i18n' && /^(nl|en)\.json$/.test(basename(path)));

async function formatted(/** @type {string} */ text, /** @type {string} */ file) {
  try {
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(file)) ?? {};
    return await prettier.format(text, { ...options, filepath: file });
  } catch {
    return text;
  }
}

const targets = process.argv.slice(2).length
  ? process.argv.slice(2)
  : [join(root, 'packages/web/src'), join(root, 'packages/shared/src/messages')];
const files = targets.flatMap((target) =>
  statSync(target).isDirectory() ? cataloguesUnder(target) : [target],
);
let changed = 0;
for (const file of files) {
  const source = readFileSync(file, 'utf8');
  const converted = file.endsWith('.json') ? convertJson(source, file) : convertTable(source, file);
  const result = await formatted(converted, file);
  if (result !== source) {
    writeFileSync(file, result);
    changed += 1;
    console.log(`converted ${relative(root, file)}`);
  }
}
console.log(`${changed} of ${files.length} catalogue(s) changed.`);
if (toCheck.length) {
  console.log('Write the singular of these by hand (the plural text was used for `one`):');
  for (const where of toCheck) console.log(`  ${where}`);
}
