import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { addPageStrings, createI18n, pageStrings } from '../../app/i18n.js';
import { ReviewGrounds } from './components/review-grounds.js';

async function render(
  language: 'nl' | 'en',
  grounds: { unansweredRegistries: string[]; reviewReasons: string[] },
) {
  const i18n = createI18n(language);
  addPageStrings(i18n, 'admin-applications', await pageStrings('admin-applications'));
  return renderToString(
    <I18nextProvider i18n={i18n}>
      <dl>
        <ReviewGrounds {...grounds} />
      </dl>
    </I18nextProvider>,
  );
}

describe('what the official is told to check by hand (docs/rules.md §2 departed holder)', () => {
  it('names the registries that did not answer and the rule that sent it to review', async () => {
    const html = await render('nl', {
      unansweredRegistries: ['brp', 'rdw'],
      reviewReasons: ['holderNotRegisteredAtAddress'],
    });
    expect(html).toContain('<dt>Niet beantwoord door</dt>');
    expect(html).toContain(
      '<dd>de basisregistratie personen (BRP), het kentekenregister (RDW)</dd>',
    );
    expect(html).toContain('<dt>Waarom een medewerker beslist</dt>');
    expect(html).toContain('volgens de BRP niet meer');
  });

  it('says it in English too, and nothing when there is nothing to check', async () => {
    expect(
      await render('en', { unansweredRegistries: ['kvk'], reviewReasons: ['registerUnanswered'] }),
    ).toContain('<dd>the business register (KvK)</dd>');
    expect(await render('nl', { unansweredRegistries: [], reviewReasons: [] })).toBe('<dl></dl>');
  });
});
