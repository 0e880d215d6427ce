import { describe, expect, it } from 'vitest';
import { isAllowedRedirectUri } from './partner-app.service.js';

describe("an app's redirect URI (docs/security.md §Apps acting for a resident)", () => {
  it('is https in production, and may be http on loopback only outside it', () => {
    expect(isAllowedRedirectUri('https://app.example.nl/callback', true)).toBe(true);
    expect(isAllowedRedirectUri('http://app.example.nl/callback', true)).toBe(false);
    expect(isAllowedRedirectUri('http://127.0.0.1:8789/callback', true)).toBe(false);
    expect(isAllowedRedirectUri('http://127.0.0.1:8789/callback', false)).toBe(true);
    expect(isAllowedRedirectUri('http://localhost/callback', false)).toBe(true);
    expect(isAllowedRedirectUri('http://app.example.nl/callback', false)).toBe(false);
  });

  it('has no fragment, no user information and is a URL at all', () => {
    expect(isAllowedRedirectUri('https://app.example.nl/callback#x', true)).toBe(false);
    expect(isAllowedRedirectUri('https://user:pw@app.example.nl/callback', true)).toBe(false);
    expect(isAllowedRedirectUri('javascript:alert(1)', false)).toBe(false);
    expect(isAllowedRedirectUri('not a url', false)).toBe(false);
  });
});
