import { describe, expect, it } from 'vitest';
import { phoneStep, newPhoneCall } from '@parkeer/domain/phone/phone-dialogue';
import { twimlOf } from '../src/modules/phone/twiml.js';
import { hasValidTwilioSignature, twilioSignature } from '../src/modules/phone/twilio-signature.js';

// Twilio's published request-validation example (docs/operations.md §Phone line).
const token = '12345';
const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const params = {
  CallSid: 'CA1234567890ABCDE',
  Caller: '+14158675309',
  Digits: '1234',
  From: '+14158675309',
  To: '+18005551212',
};
const published = 'RSOYDt4T1cUTdK1PDd93/VVr8B8=';

describe('the Twilio adapter of the phone line (docs/rules.md §5, "The phone line")', () => {
  it("signs as Twilio does: the full URL and the parameters sorted by name, HMAC-SHA1 with the auth token, base64 (Twilio's published vector)", () => {
    expect(twilioSignature(token, url, params)).toBe(published);
    // The order the parameters arrive in does not matter; their names' order does.
    const shuffled = {
      To: params.To,
      Digits: params.Digits,
      From: params.From,
      CallSid: params.CallSid,
      Caller: params.Caller,
    };
    expect(twilioSignature(token, url, shuffled)).toBe(published);
  });

  it('accepts only the exact URL, parameters and token', () => {
    expect(hasValidTwilioSignature(token, url, params, published)).toBe(true);
    expect(hasValidTwilioSignature(token, url, { ...params, Digits: '9999' }, published)).toBe(
      false,
    );
    expect(hasValidTwilioSignature(token, `${url}&x=1`, params, published)).toBe(false);
    expect(hasValidTwilioSignature('54321', url, params, published)).toBe(false);
    expect(hasValidTwilioSignature(token, url, params, undefined)).toBe(false);
    expect(hasValidTwilioSignature(token, url, params, 'short')).toBe(false);
  });

  it('says each prompt in its own language inside the gather, escapes the text, and hangs up at the end', () => {
    const first = phoneStep(newPhoneCall(), { type: 'callStarted', language: 'nl' });
    const xml = twimlOf(first, first.call.language, { action: '/a?x=1&y=2', noInput: '/n' });
    expect(xml).toContain('action="/a?x=1&amp;y=2"');
    expect(xml).toContain('<Say language="nl-NL">Voor Nederlands, toets 1.</Say>');
    expect(xml).toContain('<Say language="en-GB">For English, press 2.</Say>');
    expect(xml).toMatch(/<\/Gather><Redirect method="POST">\/n<\/Redirect><\/Response>$/);
    const ended = phoneStep(first.call, { type: 'hangUp' });
    expect(twimlOf(ended, 'nl', { action: '/a', noInput: '/n' })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>',
    );
  });
});
