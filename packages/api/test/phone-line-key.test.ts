import { beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../src/modules/auth/password-hash.js';
import { Permit } from '../src/model/permit.entity.js';
import { PhoneCall } from '../src/model/phone-call.entity.js';
import { keyedCallId } from '../src/modules/phone/phone-line-key.js';
import { twilioStatusPath, twilioVoicePath } from '../src/modules/phone/phone-routes.js';
import { useDemoApi } from './demo-api.js';
import type { TestClient } from './graphql-client.js';
import { loggedIn } from './login.js';
import { useRegistryFakes } from './registry-fakes.js';
import { testDialects } from './test-databases.js';

/* Issue 19, "Access": a machine key with the phoneLine scope connects a town's telephony provider. */

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const dialects = await testDialects();

const createKey = `mutation ($input: CreatePartnerKeyInput!) {
  createPartnerKey(input: $input) { secret partnerKey { id requestsToday } } }`;
const listKeys = '{ partnerKeys { id requestsToday lastUsedAt } }';
const revokeKey = 'mutation ($id: ID!) { revokePartnerKey(id: $id) { revokedAt } }';

describe.each(dialects)(
  'the phone line with a machine key on %s (docs/partners/phone-webhook.md)',
  (dialect) => {
    useRegistryFakes();
    const api = useDemoApi(dialect);
    let delftAdmin: TestClient;
    let anna: string;
    let annaNumber: string;
    let callNumber = 0;

    const issue = async (admin: TestClient, input: Record<string, unknown> = {}) => {
      const made = await admin.request<Data>(createKey, {
        input: { partnerName: 'Telefonie BV', label: 'Lijn', scopes: ['phoneLine'], ...input },
      });
      expect(made.errors).toBeUndefined();
      return made.data!.createPartnerKey as { secret: string; partnerKey: { id: string } };
    };

    /** A webhook as a provider posts it with `authorization`, and what it answered. */
    const post = async (path: string, authorization: string, params: Record<string, string>) => {
      const response = await fetch(api.url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization },
        body: new URLSearchParams(params).toString(),
      });
      return { status: response.status, headers: response.headers, text: await response.text() };
    };
    const bearer = (key: string) => `Bearer ${key}`;
    const basic = (user: string, password: string) =>
      `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

    /** A call with `authorization`: `press` sends the keys gathered. */
    const newCall = (authorization: string, sid = `CAkey${dialect}${++callNumber}`) => {
      const params = { CallSid: sid, From: '+31612345678' };
      return {
        sid,
        begin: () => post(twilioVoicePath, authorization, params),
        press: (digits: string) =>
          post(twilioVoicePath, authorization, { ...params, Digits: digits }),
        hangUp: () => post(twilioStatusPath, authorization, { ...params, CallStatus: 'completed' }),
      };
    };
    const signIn = async (call: ReturnType<typeof newCall>) => {
      expect((await call.begin()).status).toBe(200);
      await call.press('1');
      await call.press(annaNumber);
      return call.press('4321');
    };
    const storedCall = (keyId: string, sid: string) =>
      api.em().findOne(PhoneCall, { callId: keyedCallId(keyId, sid) });

    beforeAll(async () => {
      delftAdmin = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
      anna = await api.permitOf('anna@demo.parkeer.nl');
      const em = api.em();
      const permit = await em.findOneOrFail(Permit, { id: anna });
      permit.pinHash = await hashSecret('4321');
      await em.flush();
      annaNumber = permit.productCode.replace(/^PK/, '');
    });

    it("answers the town's callers with the key as bearer or as Basic credentials in the URL, and counts the key's use", async () => {
      const { secret, partnerKey } = await issue(delftAdmin);
      const byBearer = newCall(bearer(secret));
      const menu = await signIn(byBearer);
      expect(menu.status).toBe(200);
      expect(menu.text).toContain('Om uw saldo te horen, toets 3.');
      expect(menu.headers.get('ratelimit-limit')).toMatch(/^\d+$/);
      expect((await storedCall(partnerKey.id, byBearer.sid))?.permitId).toBe(anna);
      // The provider's call id is stored within the key: no row under the bare CallSid.
      expect(await api.em().count(PhoneCall, { callId: byBearer.sid })).toBe(0);

      const byBasic = newCall(basic(partnerKey.id, secret));
      expect((await signIn(byBasic)).text).toContain('Om uw saldo te horen, toets 3.');
      expect((await byBasic.hangUp()).status).toBe(204);
      const ended = await storedCall(partnerKey.id, byBasic.sid);
      expect((ended?.state as { phase: { at: string } }).phase.at).toBe('ended');

      const listed = (await delftAdmin.request<Data>(listKeys)).data!.partnerKeys as Data[];
      // Four webhooks of each call, and the hang-up.
      expect(listed.find((key) => key.id === partnerKey.id)).toMatchObject({ requestsToday: 9 });
    });

    it("keeps a key to its own town's permits: another town's permit answers as a wrong number", async () => {
      const oudstadAdmin = await loggedIn(api.url, 'beheer@oudstad.demo.parkeer.nl');
      const { secret, partnerKey } = await issue(oudstadAdmin);
      const call = newCall(bearer(secret));
      const answer = await signIn(call);
      expect(answer.status).toBe(200);
      expect(answer.text).not.toContain('Om uw saldo te horen');
      expect((await storedCall(partnerKey.id, call.sid))?.permitId ?? null).toBeNull();
    });

    it('keeps the calls of two keys apart even when their providers use the same call id', async () => {
      const first = await issue(delftAdmin, { label: 'Lijn 1' });
      const second = await issue(delftAdmin, { label: 'Lijn 2' });
      const sid = `CAshared${dialect}`;
      await signIn(newCall(bearer(first.secret), sid));
      const other = await newCall(bearer(second.secret), sid).begin();
      // The second key's call starts at the welcome, not at the first one's menu.
      expect(other.text).toContain('Welkom');
      expect((await storedCall(second.partnerKey.id, sid))?.permitId ?? null).toBeNull();
      expect((await storedCall(first.partnerKey.id, sid))?.permitId).toBe(anna);
    });

    it('refuses a key without the phoneLine scope, an unknown, a malformed and a revoked key with 401, and starts no call', async () => {
      const scanCar = await issue(delftAdmin, { scopes: ['rightCheck'] });
      const line = await issue(delftAdmin, { label: 'Ingetrokken' });
      const unknown = `pk_${'0'.repeat(32)}_${line.secret.slice(-43)}`;
      const calls = await api.em().count(PhoneCall);
      for (const authorization of [
        bearer(scanCar.secret),
        bearer(unknown),
        bearer(`${line.secret.slice(0, -4)}abcd`),
        basic('x', 'pk_nonsense'),
      ]) {
        expect((await newCall(authorization).begin()).status).toBe(401);
      }
      expect((await newCall(bearer(line.secret)).begin()).status).toBe(200);
      await delftAdmin.request(revokeKey, { id: line.partnerKey.id });
      expect((await newCall(bearer(line.secret)).begin()).status).toBe(401);
      expect(await api.em().count(PhoneCall)).toBe(calls + 1);
    });

    it("spends the key's budget: over it, 429 with Retry-After, and the call is not touched", async () => {
      const { secret, partnerKey } = await issue(delftAdmin, { requestsPerMinute: 2 });
      const call = newCall(bearer(secret));
      expect((await call.begin()).status).toBe(200);
      const second = await call.press('1');
      expect(second.status).toBe(200);
      expect(second.headers.get('ratelimit-remaining')).toBe('0');
      const spent = await call.press(annaNumber);
      expect(spent.status).toBe(429);
      expect(Number(spent.headers.get('retry-after'))).toBeGreaterThan(0);
      const row = await storedCall(partnerKey.id, call.sid);
      expect(row?.version).toBe(2);
    });
  },
);
