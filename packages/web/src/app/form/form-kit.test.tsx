import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { renderToString } from 'react-dom/server';
import { useForm, type FieldErrors } from 'react-hook-form';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Regime } from '@parkeer/domain/regime/regime';
import { validateRegime } from '@parkeer/domain/regime/regime-validation';
import { createI18n } from '../i18n.js';
import { domainSchema } from './domain-schema.js';
import { errorEntries } from './error-summary.js';
import { Field } from './field.js';
import { Form } from './form.js';
import { controlId, enclosingNames, pathSegments } from './paths.js';
import { errorsOfIssues, standardResolver } from './resolver.js';
import { showServerProblems } from './server-problems.js';

const regimeCheck = {
  problems: (regime: Regime) => validateRegime(regime),
  output: (regime: Regime) => ({ regime }),
};
const monday = (from: number, to: number) => ({ weekday: 1 as const, from, to });

describe('places in a form', () => {
  it('reads the domain’s and the kit’s way of naming a place alike', () => {
    expect(pathSegments('exceptions[0].windows[1]')).toEqual(['exceptions', 0, 'windows', 1]);
    expect(pathSegments('exceptions.0.windows.1')).toEqual(['exceptions', 0, 'windows', 1]);
    expect(enclosingNames('prices.3.zones')).toEqual(['prices.3.zones', 'prices.3', 'prices']);
    expect(controlId(':r1:', 'prices.3.zones')).toBe('r1-prices-3-zones');
  });
});

describe('the domain’s validators as a Standard Schema', () => {
  it('turns each problem into an issue at its place, in the catalogue’s words', async () => {
    const schema = domainSchema(regimeCheck, 'nl');
    const result = await schema['~standard'].validate({
      weekly: [{ ...monday(600, 540), weekday: 2 }, monday(480, 720), monday(700, 800)],
      exceptions: [],
    });
    expect(result.issues).toEqual([
      {
        message: 'Tijdvakken op dezelfde dag mogen elkaar niet overlappen.',
        path: ['weekly', 2],
      },
      { message: 'Een tijdvak moet eindigen na het begin.', path: ['weekly', 0] },
    ]);
  });

  it('speaks English for an English interface, and moves places the form holds elsewhere', async () => {
    const schema = domainSchema(
      { ...regimeCheck, fieldOf: (path: string) => `zone.regime.${path}` },
      'en',
    );
    const result = await schema['~standard'].validate({
      weekly: [monday(600, 540)],
      exceptions: [],
    });
    expect(result.issues).toEqual([
      { message: 'A time window must end after it starts.', path: ['zone', 'regime', 'weekly', 0] },
    ]);
  });

  it('gives the output to submit when the domain finds nothing', async () => {
    const regime = { weekly: [monday(540, 600)], exceptions: [] };
    const result = await domainSchema(regimeCheck, 'nl')['~standard'].validate(regime);
    expect(result).toEqual({ value: { regime } });
  });
});

describe('the resolver', () => {
  it('gives the kit nested errors, several messages at one place as one text', () => {
    const errors = errorsOfIssues([
      { message: 'Eerste.', path: ['weekly', 2] },
      { message: 'Tweede.', path: [{ key: 'weekly' }, { key: 2 }] },
      { message: 'Geheel.' },
    ]);
    expect(errors).toEqual({
      weekly: [undefined, undefined, { type: 'domain', message: 'Eerste. Tweede.' }],
      root: { type: 'domain', message: 'Geheel.' },
    });
  });

  it('submits the schema’s output, or nothing with the errors', async () => {
    const resolve = standardResolver(domainSchema(regimeCheck, 'nl'));
    const options = { fields: {}, shouldUseNativeValidation: false };
    const good = { weekly: [monday(540, 600)], exceptions: [] };
    expect(await resolve(good, undefined, options)).toEqual({
      values: { regime: good },
      errors: {},
    });
    const bad = await resolve({ weekly: [monday(600, 540)], exceptions: [] }, undefined, options);
    expect(bad.values).toEqual({});
    expect(errorEntries(bad.errors as FieldErrors)).toEqual([
      { name: 'weekly.0', message: 'Een tijdvak moet eindigen na het begin.' },
    ]);
  });
});

const settingsInvalid = (problems: { path: string; messages: { nl: string; en: string } }[]) =>
  new CombinedError({
    graphQLErrors: [
      new GraphQLError('invalid', {
        extensions: { code: 'SETTINGS_INVALID', params: { count: problems.length }, problems },
      }),
    ],
  });

describe('the API’s problems on the form', () => {
  it('puts each problem on its field in the interface language, unplaced ones on the form', () => {
    const set: [string, string][] = [];
    const placed = showServerProblems(
      settingsInvalid([
        { path: 'prices[1].amount', messages: { nl: 'Te groot.', en: 'Too large.' } },
        { path: 'prices[1].amount', messages: { nl: 'Geen cent.', en: 'No cent.' } },
        { path: 'version', messages: { nl: 'Verouderd.', en: 'Stale.' } },
      ]),
      'en',
      (name, error) => set.push([name, error.message ?? '']),
      (path) => (path === 'version' ? null : path.replace(/\[(\d+)\]/g, '.$1')),
    );
    expect(placed).toBe(2);
    expect(set).toEqual([
      ['prices.1.amount', 'Too large. No cent.'],
      ['root.server', 'Stale.'],
    ]);
  });

  it('places nothing for a refusal of another kind', () => {
    const refused = new CombinedError({
      graphQLErrors: [new GraphQLError('no', { extensions: { code: 'NOT_FOUND' } })],
    });
    expect(showServerProblems(refused, 'nl', () => expect.unreachable())).toBe(0);
  });
});

function ReferenceForm({ error }: { error?: string }) {
  const form = useForm<{ reference: string }>({
    defaultValues: { reference: 'AB12' },
    errors: error ? { reference: { type: 'server', message: error } } : undefined,
  });
  return (
    <Form form={form} onSubmit={() => undefined} id="waiver">
      <Field name="reference" label="Kenmerk" hint="Op de boete" required counter={40} />
    </Form>
  );
}

const render = (error?: string) =>
  renderToString(
    <I18nextProvider i18n={createI18n('nl')}>
      <ReferenceForm error={error} />
    </I18nextProvider>,
  );

describe('a field of the kit', () => {
  it('ties its label, hint and counter to the control, and marks it required', () => {
    const html = render();
    expect(html).toContain('<label for="waiver-reference">Kenmerk');
    expect(html).toContain('(verplicht)');
    expect(html).toContain('aria-describedby="waiver-reference-hint waiver-reference-counter"');
    expect(html).toContain('aria-required="true"');
    expect(html).toContain('maxLength="40"');
    expect(html).toContain('4 tekens van 40');
    expect(html).not.toContain('aria-invalid');
  });

  it('shows its error beside the control, marked invalid and described by it', () => {
    const html = render('Dit kenmerk is al gebruikt.');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain(
      'aria-describedby="waiver-reference-hint waiver-reference-counter waiver-reference-error"',
    );
    expect(html).toMatch(/id="waiver-reference-error"[^>]*>Dit kenmerk is al gebruikt\.</);
  });
});
