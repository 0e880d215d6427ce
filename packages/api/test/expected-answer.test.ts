import { describe, expect, it } from 'vitest';
import { examplesOf } from '../src/partner-docs/guide-examples.js';
import { differences, jsonDocuments } from './expected-answer.js';

const json = (text: string) => ({ language: 'json', text });

describe('comparing an example’s output with the answer its guide shows', () => {
  it('matches JSON by shape and values, … standing for any text inside a string', () => {
    const expected = json(
      '{"data": {"rightCheck": {"valid": true, "checkId": "…", "at": "2026-…Z"}}}',
    );
    expect(
      differences(
        expected,
        '{"data":{"rightCheck":{"valid":true,"checkId":"a1","at":"2026-11-23T09:00:00Z"}}}',
      ),
    ).toEqual([]);
    expect(
      differences(
        expected,
        '{"data":{"rightCheck":{"valid":false,"checkId":"a1","at":"2026-11-23T09:00:00Z"}}}',
      ),
    ).toEqual(['[0].data.rightCheck.valid: false where true was expected']);
    expect(
      differences(
        expected,
        '{"data":{"rightCheck":{"valid":true,"checkId":"a1","at":"2025-01-01T00:00:00Z","extra":1}}}',
      ),
    ).toEqual([
      '[0].data.rightCheck.at: "2025-01-01T00:00:00Z" where "2026-…Z" was expected',
      '[0].data.rightCheck.extra: not in the expected answer',
    ]);
    expect(differences(expected, '{"data":{"rightCheck":null}}')).toEqual([
      '[0].data.rightCheck: null where object was expected',
    ]);
  });

  it('compares lists item by item and documents one after the other', () => {
    expect(differences(json('[1, 2]'), '[1]')).toEqual(['[0]: 1 items where 2 were expected']);
    expect(differences(json('{"a": 1}\n{"a": 2}'), '{"a":1}\n{"a":2}\n')).toEqual([]);
    expect(differences(json('{"a": 1}\n{"a": 2}'), '{"a":1}')).toEqual([
      '1 JSON documents printed, 2 expected',
    ]);
    expect(differences(json('{"a": 1}'), 'curl: (7) Failed to connect')).toEqual([
      'output is not JSON: "curl: (7) Failed to connect"',
    ]);
    expect(jsonDocuments('{"s": "a } ] \\" {"} [1,[2]]')).toEqual([{ s: 'a } ] " {' }, [1, [2]]]);
  });

  it('matches other answers as whole text, … for any text and line ends as curl prints them', () => {
    const expected = { language: 'text', text: 'retry-after: …\n{"code":"RATE_LIMITED"…}\n' };
    expect(differences(expected, 'retry-after: 900\r\n{"code":"RATE_LIMITED","n":1}')).toEqual([]);
    expect(differences(expected, 'retry-after: 900\r\n{"code":"BUSY"}')).toHaveLength(1);
    expect(
      differences(expected, 'x-other: 1\nretry-after: 900\n{"code":"RATE_LIMITED"}'),
    ).toHaveLength(1);
  });
});

describe('finding the examples of a guide', () => {
  it('pairs each named example with the answer after it and refuses what would never run', () => {
    const guide = [
      '# A guide',
      '```sh example=one token=enforcement',
      'curl -s "$PARKEER_URL"',
      '```',
      '```json',
      '{"not": "an answer"}',
      '```',
      '```json expect=one',
      '{"ok": true}',
      '```',
    ].join('\n');
    expect(examplesOf(guide)).toEqual([
      {
        name: 'one',
        language: 'sh',
        code: 'curl -s "$PARKEER_URL"',
        attributes: { token: 'enforcement' },
        expected: { language: 'json', text: '{"ok": true}' },
      },
    ]);
    expect(() => examplesOf('```json expect=two\n{}\n```')).toThrow('expect=two comes before');
    expect(() => examplesOf('```python example=three\npass\n```')).toThrow('runnable: sh, js');
    expect(() => examplesOf('```sh example=a\ntrue\n```\n```sh example=a\ntrue\n```')).toThrow(
      'appears twice',
    );
  });
});
