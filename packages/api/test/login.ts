import { demoPassword } from '../src/seed/demo-seed.js';
import { TestClient } from './graphql-client.js';

/** A client logged in as a demo account (cookie session, like the SPA). */
export async function loggedIn(
  url: string,
  email: string,
  headers: Record<string, string> = {},
): Promise<TestClient> {
  const client = new TestClient(url, headers);
  const result = await client.request(
    'mutation ($email: String!, $password: String!) { login(input: { email: $email, password: $password, remember: true }) { expiresAt } }',
    { email, password: demoPassword },
  );
  if (result.errors) throw new Error(`login of ${email} failed: ${JSON.stringify(result.errors)}`);
  return client;
}
