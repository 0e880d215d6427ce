import { describe, expect, it } from 'vitest';
import { MailOutbox } from '../src/model/mail-outbox.entity.js';
import { useDemoApi } from './demo-api.js';
import { TestClient } from './graphql-client.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();
const requestReset = 'mutation ($email: String!) { requestPasswordReset(email: $email) }';

describe.each(dialects)('password reset requests sent at once on %s', (dialect) => {
  const api = useDemoApi(dialect);

  it('queues exactly 3 mails for 10 concurrent requests for one address', async () => {
    const email = 'anna@demo.parkeer.nl';
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => new TestClient(api.url).request(requestReset, { email })),
    );
    for (const answer of answers) expect(answer.data).toEqual({ requestPasswordReset: true });
    const mails = await api.em().count(MailOutbox, { recipient: email });
    expect(mails).toBe(3);
  });
});
