/** Where the demo serves the broker, on its own port: issuer `${PUBLIC_URL}/test-idp`. */
export const testBrokerPath = '/test-idp';

/** The demo's client at its own broker; a published secret, so demo mode only. */
export const demoBrokerClient = {
  clientId: 'parkeer-demo',
  clientSecret: 'parkeer-demo-client-secret-not-for-production',
} as const;
