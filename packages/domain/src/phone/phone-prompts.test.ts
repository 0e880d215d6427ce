import { compiledMessage } from '@parkeer/shared/messages/compiled-message';
import { argumentNames, countsOutsidePlurals } from '@parkeer/shared/messages/count-arguments';
import { describe, expect, it } from 'vitest';
import {
  phonePrompts,
  sayAmount,
  sayTime,
  spokenLines,
  spokenText,
  type PromptId,
} from './phone-prompts.js';

/** The message's parsed elements (plain text has none), through the shared catalogue parser. */
function parse(text: string) {
  const compiled = compiledMessage(text);
  return typeof compiled === 'string' ? [] : compiled;
}

const prompts = Object.entries(phonePrompts) as Array<[PromptId, { nl: string; en: string }]>;

describe('docs/rules.md §5: the phone line says every prompt in Dutch and English', () => {
  it('has every prompt in both languages, with the same arguments, counts in plurals', () => {
    for (const [id, message] of prompts) {
      const [nl, en] = [message.nl, message.en].map(parse);
      expect(argumentNames(en!), id).toEqual(argumentNames(nl!));
      expect(countsOutsidePlurals(nl!), id).toEqual([]);
      expect(countsOutsidePlurals(en!), id).toEqual([]);
      expect(message.nl, `${id} is translated`).not.toBe(message.en);
    }
  });

  it('says amounts in words a speech engine reads well', () => {
    const cents = (amount: number) => ({ amount, unit: 'cents' as const });
    expect(sayAmount(cents(240), 'nl')).toBe('2 euro en 40 cent');
    expect(sayAmount(cents(240), 'en')).toBe('2 euros and 40 cents');
    expect(sayAmount(cents(100), 'en')).toBe('1 euro');
    expect(sayAmount(cents(101), 'en')).toBe('1 euro and 1 cent');
    expect(sayAmount(cents(35), 'nl')).toBe('35 cent');
    expect(sayAmount(cents(0), 'nl')).toBe('0 cent');
    expect(sayAmount(cents(-250), 'nl')).toBe('min 2 euro en 50 cent');
    const minutes = (amount: number) => ({ amount, unit: 'minutes' as const });
    expect(sayAmount(minutes(135), 'nl')).toBe('2 uur en 15 minuten');
    expect(sayAmount(minutes(61), 'en')).toBe('1 hour and 1 minute');
    expect(sayAmount(minutes(1), 'nl')).toBe('1 minuut');
    expect(sayAmount(minutes(120), 'en')).toBe('2 hours');
  });

  it('says times of day as people say them', () => {
    expect(sayTime({ hour: 17, minute: 30 }, 'nl')).toBe('17 uur 30');
    expect(sayTime({ hour: 9, minute: 0 }, 'nl')).toBe('9 uur');
    expect(sayTime({ hour: 9, minute: 5 }, 'en')).toBe('9:05');
  });

  it('fills every argument of a prompt, in the prompt’s own language if it has one', () => {
    expect(spokenText({ id: 'askPin', params: { length: 4 } }, 'en')).toBe(
      'Now key in your PIN of 4 digits.',
    );
    expect(
      spokenLines([{ id: 'languageOption', params: { key: 2 }, language: 'en' }], 'nl'),
    ).toEqual([{ language: 'en', text: 'For English, press 2.' }]);
    expect(
      spokenText(
        {
          id: 'refused',
          params: { reason: { error: 'SESSION_MAX_CONCURRENT_REACHED', params: { max: 10 } } },
        },
        'nl',
      ),
    ).toBe('Dat kan niet. Het maximum van 10 gelijktijdige parkeeracties is bereikt.');
    expect(
      spokenText(
        { id: 'plateReadBack', params: { plate: { plate: 'CDJ12', spelled: true } } },
        'nl',
      ),
    ).toBe('U toetste: Cornelis, Dirk. Johan. één, twee.');
  });
});
