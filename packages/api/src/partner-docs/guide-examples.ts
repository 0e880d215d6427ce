import { lexer, walkTokens, type Tokens } from 'marked';

/**
 * The fence convention of the partner guides (docs/partners/index.md, "How the examples work"):
 * a runnable example is a fenced block whose info string names it, ```sh example=check-plate
 * (sh runs in bash, js in Node as an ES module); the answer it must print is a later block
 * ```json expect=check-plate (or any other language for plain text). Further attributes: `token=`
 * names whose bearer token the example expects in $PARKEER_TOKEN; `consent=` whose consent an
 * app asks for at the authorization address the example prints on stderr.
 */
export interface FenceInfo {
  readonly language: string;
  readonly attributes: Readonly<Record<string, string>>;
}

export interface GuideExample {
  readonly name: string;
  readonly language: string;
  readonly code: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly expected: ExpectedAnswer | null;
}

export interface ExpectedAnswer {
  readonly language: string;
  readonly text: string;
}

export const runnableLanguages = ['sh', 'js'] as const;

export function fenceInfo(info: string | undefined): FenceInfo {
  const [language = '', ...words] = (info ?? '').trim().split(/\s+/);
  const attributes: Record<string, string> = {};
  for (const word of words) {
    const at = word.indexOf('=');
    if (at > 0) attributes[word.slice(0, at)] = word.slice(at + 1);
  }
  return { language, attributes };
}

/**
 * Every example of one guide with its expected answer, in the guide's order. A fence that breaks
 * the convention (a name used twice, an answer without its example, an example in a language no
 * one runs) throws, so a guide cannot hold an example that is silently never executed.
 */
export function examplesOf(markdown: string): GuideExample[] {
  const examples = new Map<string, GuideExample>();
  walkTokens(lexer(markdown), (token) => {
    if (token.type !== 'code') return;
    const { lang, text } = token as Tokens.Code;
    const { language, attributes } = fenceInfo(lang);
    const { example: name, expect, ...rest } = attributes;
    if (name) {
      if (examples.has(name)) throw new Error(`example ${name} appears twice`);
      if (!(runnableLanguages as readonly string[]).includes(language)) {
        throw new Error(`example ${name} is in ${language || 'no language'}; runnable: sh, js`);
      }
      examples.set(name, { name, language, code: text, attributes: rest, expected: null });
    } else if (expect) {
      const example = examples.get(expect);
      if (!example) throw new Error(`expect=${expect} comes before or without its example`);
      if (example.expected) throw new Error(`example ${expect} has two expected answers`);
      examples.set(expect, { ...example, expected: { language, text } });
    }
  });
  return [...examples.values()];
}
