import { describe, expect, it } from 'vitest';
import { isAllowedWebhookAddress, isAllowedWebhookUrl } from './webhook-address.js';

describe('webhook endpoints (docs/security.md, "Webhooks")', () => {
  it('in production: https to public addresses only', () => {
    expect(isAllowedWebhookUrl('https://hooks.parkeerwijzer.example/parkeer', true)).toBe(true);
    expect(isAllowedWebhookUrl('https://203.0.113.7/hooks', true)).toBe(true);
    for (const url of [
      'http://hooks.parkeerwijzer.example/parkeer',
      'http://127.0.0.1:8080/hooks',
      'https://localhost/hooks',
      'https://127.0.0.1/hooks',
      'https://10.0.0.8/hooks',
      'https://172.16.4.1/hooks',
      'https://192.168.1.10/hooks',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/hooks',
      'https://[fd12::1]/hooks',
      'https://[::ffff:10.0.0.1]/hooks',
      'https://user:pass@hooks.example/x',
    ]) {
      expect(isAllowedWebhookUrl(url, true), url).toBe(false);
    }
  });

  it('outside production also http on loopback, for demos and tests', () => {
    expect(isAllowedWebhookUrl('http://127.0.0.1:8080/hooks', false)).toBe(true);
    expect(isAllowedWebhookUrl('http://localhost:8080/hooks', false)).toBe(true);
    expect(isAllowedWebhookUrl('http://hooks.example/x', false)).toBe(false);
    expect(isAllowedWebhookUrl('https://10.0.0.8/hooks', false)).toBe(false);
  });

  it('judges the addresses a name resolves to', () => {
    expect(isAllowedWebhookAddress('93.184.216.34', true)).toBe(true);
    expect(isAllowedWebhookAddress('2606:2800:220:1::1', true)).toBe(true);
    expect(isAllowedWebhookAddress('127.0.0.1', true)).toBe(false);
    expect(isAllowedWebhookAddress('127.0.0.1', false)).toBe(true);
    expect(isAllowedWebhookAddress('::ffff:192.168.0.1', true)).toBe(false);
    expect(isAllowedWebhookAddress('fe80::1', false)).toBe(false);
  });
});
