// Limits on guessing passwords, PINs and flooding reset mails and invitations (issue 13), per
// account and per client address. The clients are told apart by X-Forwarded-For from a trusted
// proxy on loopback, as behind a production proxy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reloadConfig } from '../src/config/config.js';
import { demoPassword } from '../src/seed/demo-seed.js';
import { MailOutbox } from '../src/model/mail-outbox.entity.js';
import { limitPolicies } from '../src/modules/rate-limit/limit-policies.js';
import { useDemoApi } from './demo-api.js';
import { TestClient } from './graphql-client.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();
const minute = 60_000;
const login = `mutation ($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) { me { email } }
}`;
const accessToken = `mutation ($email: String!, $password: String!) {
  createAccessToken(email: $email, password: $password) { token }
}`;
const requestReset = 'mutation ($email: String!) { requestPasswordReset(email: $email) }';
const addProduct = `mutation ($productCode: String!, $pin: String!) {
  addProductByCode(input: { productCode: $productCode, pin: $pin }) { id }
}`;
const invite = `mutation ($input: InviteDelegationInput!) { inviteDelegation(input: $input) { id } }`;
const acceptWithPassword = `mutation ($input: AcceptDelegationInput!) { acceptDelegation(input: $input) }`;

type Answer = Awaited<ReturnType<TestClient['request']>>;
const code = (answer: Answer) => answer.errors?.[0]?.extensions.code ?? 'OK';
const retryAfter = (answer: Answer) =>
  (answer.errors?.[0]?.extensions as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;

let trustProxy: string | undefined;
beforeAll(() => {
  trustProxy = process.env.TRUST_PROXY;
  process.env.TRUST_PROXY = 'loopback';
  reloadConfig();
});
afterAll(() => {
  if (trustProxy === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = trustProxy;
  reloadConfig();
});

describe.each(dialects)('guessing and flooding limits on %s', (dialect) => {
  const api = useDemoApi(dialect);
  const from = (address: string) => new TestClient(api.url, { 'x-forwarded-for': address });
  const advance = (ms: number) => {
    api.now = new Date(api.now.getTime() + ms);
  };
  /** Past every login lockout of the tests before (the longest is an hour). */
  const afterLoginLockouts = () => advance(2 * 60 * minute);
  const wrongLogins = async (client: TestClient, email: string, times: number) => {
    for (let i = 0; i < times; i++) {
      expect(code(await client.request(login, { email, password: `fout-${i}` }))).toBe(
        'LOGIN_FAILED',
      );
    }
  };

  it('locks an account after 5 wrong passwords, longer each time, and a right one clears it', async () => {
    const email = 'bram@demo.parkeer.nl';
    const { points, lockout } = limitPolicies.login.account;
    // Each round from another client: only the account's count is at stake here.
    await wrongLogins(from('203.0.113.1'), email, points);
    const refused = await from('203.0.113.2').request(login, { email, password: demoPassword });
    expect(code(refused)).toBe('RATE_LIMITED');
    expect(retryAfter(refused)).toBe(lockout.firstSeconds);
    expect(refused.errors?.[0]?.extensions.params).toEqual({ minutes: 15 });
    expect(refused.errors?.[0]?.extensions.messages).toEqual({
      nl: 'Te veel pogingen. Probeer het over 15 minuten opnieuw.',
      en: 'Too many attempts. Please try again in 15 minutes.',
    });
    // Another account on the same client is not locked.
    expect(
      code(
        await from('203.0.113.2').request(login, {
          email: 'carla@demo.parkeer.nl',
          password: demoPassword,
        }),
      ),
    ).toBe('OK');

    advance(lockout.firstSeconds * 1000);
    await wrongLogins(from('203.0.113.3'), email, points);
    const second = await from('203.0.113.3').request(login, { email, password: demoPassword });
    expect(retryAfter(second)).toBe(lockout.firstSeconds * 2);

    advance(lockout.firstSeconds * 2 * 1000 - 1000);
    expect(code(await from('203.0.113.4').request(login, { email, password: demoPassword }))).toBe(
      'RATE_LIMITED',
    );
    advance(1000);
    expect(code(await from('203.0.113.4').request(login, { email, password: demoPassword }))).toBe(
      'OK',
    );
    // The right password cleared the count and the lockout history: back to the first lockout.
    await wrongLogins(from('203.0.113.5'), email, points);
    expect(retryAfter(await from('203.0.113.5').request(login, { email, password: 'fout' }))).toBe(
      lockout.firstSeconds,
    );
  });

  it('counts access tokens, logins and their concurrent tries against one budget', async () => {
    const email = 'carla@demo.parkeer.nl';
    const client = from('203.0.113.10');
    await wrongLogins(client, email, 2);
    const burst = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        client.request(accessToken, { email, password: `fout-token-${i}` }),
      ),
    );
    const codes = burst.map(code).sort();
    expect(codes.filter((c) => c === 'LOGIN_FAILED')).toHaveLength(
      limitPolicies.login.account.points - 2,
    );
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(
      8 - (limitPolicies.login.account.points - 2),
    );
    const token = await from('203.0.113.11').request(accessToken, {
      email,
      password: demoPassword,
    });
    expect(code(token)).toBe('RATE_LIMITED');
  });

  it('limits one client trying many accounts, without locking those accounts for others', async () => {
    const client = from('198.51.100.7');
    const { points } = limitPolicies.login.address;
    for (let i = 0; i < points; i++) {
      const answer = await client.request(login, {
        email: `iemand${i}@example.nl`,
        password: 'Geraden-1',
      });
      expect(code(answer)).toBe('LOGIN_FAILED');
    }
    const refused = await client.request(login, {
      email: 'bakkerij@demo.parkeer.nl',
      password: demoPassword,
    });
    expect(code(refused)).toBe('RATE_LIMITED');
    expect(refused.errors?.[0]?.extensions.messages.en).toContain('try again in 15 minutes.');
    // The Retry-After header says the same as the error.
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.7' },
      body: JSON.stringify({ query: login, variables: { email: 'x@example.nl', password: 'x' } }),
    });
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    const other = await from('198.51.100.8').request(login, {
      email: 'bakkerij@demo.parkeer.nl',
      password: demoPassword,
    });
    expect(code(other)).toBe('OK');
  });

  it('limits reset mails per client address with RATE_LIMITED', async () => {
    const client = from('192.0.2.50');
    const { points } = limitPolicies.passwordReset.address;
    for (let i = 0; i < points; i++) {
      expect(code(await client.request(requestReset, { email: `reset${i}@example.nl` }))).toBe(
        'OK',
      );
    }
    expect(code(await client.request(requestReset, { email: 'anna@demo.parkeer.nl' }))).toBe(
      'RATE_LIMITED',
    );
    expect(
      await api.em().count(MailOutbox, {
        recipient: 'anna@demo.parkeer.nl',
        subject: { $like: '%wachtwoord%' },
      }),
    ).toBe(0);
    expect(code(await from('192.0.2.51').request(requestReset, { email: 'x@example.nl' }))).toBe(
      'OK',
    );
  });

  it('makes the accounts of one client share one product-code budget', async () => {
    afterLoginLockouts();
    const letter = api.letters[0]!;
    const wrong = { productCode: letter.productCode, pin: 'fout' };
    const address = '192.0.2.60';
    const [anna, bram, carla] = await Promise.all(
      ['anna', 'bram', 'bakkerij'].map(async (name) => {
        const client = from(address);
        const answer = await client.request(login, {
          email: `${name}@demo.parkeer.nl`,
          password: demoPassword,
        });
        expect(code(answer)).toBe('OK');
        return client;
      }),
    );
    const { points } = limitPolicies.productCode.address;
    const tries = [anna!, anna!, anna!, anna!, bram!, bram!, bram!, bram!, carla!, carla!];
    expect(tries).toHaveLength(points);
    for (const client of tries) {
      expect(code(await client.request(addProduct, wrong))).toBe('PRODUCT_CODE_OR_PIN_WRONG');
    }
    // Carla's account has tried twice, but the client has used its budget.
    expect(code(await carla!.request(addProduct, { ...letter }))).toBe('RATE_LIMITED');
  });

  it("counts an invited account's PIN guesses against its inviter too", async () => {
    // The hole: an invitation makes an account from an e-mail address alone, and each account
    // had a fresh budget of PIN guesses. The owner invites themselves at new addresses.
    afterLoginLockouts();
    const owner = from('192.0.2.70');
    expect(
      code(await owner.request(login, { email: 'anna@demo.parkeer.nl', password: demoPassword })),
    ).toBe('OK');
    const permit = await api.permitOf('anna@demo.parkeer.nl');
    expect(
      code(
        await owner.request(invite, {
          input: { productId: permit, email: 'sok1@example.nl', amount: 5, idempotencyKey: 'sok1' },
        }),
      ),
    ).toBe('OK');
    const mail = await api.em().findOneOrFail(MailOutbox, { recipient: 'sok1@example.nl' });
    const token = /token=([\w-]+)/.exec(mail.text)![1]!;
    // The new account works from elsewhere: only the inviter's budget links it to the owner.
    const sock = from('192.0.2.71');
    const accepted = await sock.request(acceptWithPassword, {
      input: { token, password: 'Lang-genoeg-2026', passwordRepeat: 'Lang-genoeg-2026' },
    });
    expect(code(accepted)).toBe('OK');

    const letter = api.letters[0]!;
    const wrong = { productCode: letter.productCode, pin: 'fout' };
    const { points } = limitPolicies.productCode.account;
    for (let i = 0; i < points - 2; i++) {
      expect(code(await owner.request(addProduct, wrong))).toBe('PRODUCT_CODE_OR_PIN_WRONG');
    }
    for (let i = 0; i < 2; i++) {
      expect(code(await sock.request(addProduct, wrong))).toBe('PRODUCT_CODE_OR_PIN_WRONG');
    }
    expect(code(await sock.request(addProduct, wrong))).toBe('RATE_LIMITED');
    expect(code(await owner.request(addProduct, wrong))).toBe('RATE_LIMITED');
    // Someone unrelated is not affected.
    const bram = from('192.0.2.72');
    await bram.request(login, { email: 'bram@demo.parkeer.nl', password: demoPassword });
    expect(code(await bram.request(addProduct, wrong))).toBe('PRODUCT_CODE_OR_PIN_WRONG');
  });

  it('allows 10 invitations a day per product, then RATE_LIMITED until the day is over', async () => {
    afterLoginLockouts();
    const owner = from('192.0.2.80');
    expect(
      code(await owner.request(login, { email: 'bram@demo.parkeer.nl', password: demoPassword })),
    ).toBe('OK');
    const permit = await api.permitOf('bram@demo.parkeer.nl');
    const inviteNo = (i: number) =>
      owner.request(invite, {
        input: {
          productId: permit,
          email: `gast${i}@example.nl`,
          amount: 1,
          idempotencyKey: `gast${i}`,
        },
      });
    const { points, windowSeconds } = limitPolicies.delegationInvite.permit;
    for (let i = 0; i < points; i++) expect(code(await inviteNo(i))).toBe('OK');
    // A replay of one already made is no new invitation.
    expect(code(await inviteNo(0))).toBe('OK');
    const refused = await inviteNo(points);
    expect(code(refused)).toBe('RATE_LIMITED');
    expect(await api.em().count(MailOutbox, { recipient: `gast${points}@example.nl` })).toBe(0);
    advance(windowSeconds * 1000);
    // A day on, the login has lapsed too.
    await owner.request(login, { email: 'bram@demo.parkeer.nl', password: demoPassword });
    expect(code(await inviteNo(points))).toBe('OK');
    expect(await api.balanceOf(permit)).toBe(await api.ledgerSum(permit));
  });
});
