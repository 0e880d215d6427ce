import { describe, expect, it } from 'vitest';
import { hashSecret } from '../src/modules/auth/password-hash.js';
import { Permit } from '../src/model/permit.entity.js';
import { demoPhoneLineHolder } from '../src/seed/demo-seed.js';
import { useDemoApi } from './demo-api.js';
import { useRegistryFakes } from './registry-fakes.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();

interface SimulatedTurn {
  said: { language: string; text: string }[];
  gather: { maxDigits: number; finishKey: string; timeoutSeconds: number } | null;
}

describe.each(dialects)(
  'the demo phone simulator on %s (docs/operations.md, Phone line; docs/rules.md §5, "The phone line")',
  (dialect) => {
    useRegistryFakes();
    const api = useDemoApi(dialect);

    const simulate = async (body: Record<string, string>) => {
      const response = await fetch(`${api.url}/demo/phone`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, turn: (await response.json()) as SimulatedTurn };
    };
    const text = (turn: SimulatedTurn) => turn.said.map((line) => line.text).join(' ');

    it("shows the demo resident's registration number and the PIN the demo seed gave it, and a call signs in with them", async () => {
      const shown = (await (await fetch(`${api.url}/demo/phone`)).json()) as {
        registrationNumber: string;
        pin: string | null;
      };
      const permit = await api.em().findOneOrFail(Permit, await api.permitOf(demoPhoneLineHolder), {
        fields: ['productCode'],
      });
      expect(`PK${shown.registrationNumber}`).toBe(permit.productCode);
      expect(shown.pin).toMatch(/^\d{4}$/);

      const callId = `SIM${dialect}shown0001`;
      await simulate({ callId, event: 'start' });
      await simulate({ callId, event: 'keys', digits: '1' });
      await simulate({ callId, event: 'keys', digits: shown.registrationNumber });
      const menu = await simulate({ callId, event: 'keys', digits: shown.pin! });
      expect(text(menu.turn)).toContain('Om uw saldo te horen, toets 3.');
    });

    it("greets in the page's language: English first when the page is in English, and the caller still chooses", async () => {
      const callId = `SIM${dialect}english01`;
      const welcome = await simulate({ callId, event: 'start', language: 'en' });
      expect(welcome.turn.said[0]).toMatchObject({ language: 'en-GB' });
      expect(welcome.turn.said).toContainEqual({
        language: 'nl-NL',
        text: 'Voor Nederlands, toets 1.',
      });
      const dutch = await simulate({ callId, event: 'keys', digits: '1', language: 'en' });
      expect(dutch.turn.said.every((line) => line.language === 'nl-NL')).toBe(true);
      const silence = await simulate({ callId, event: 'noInput', language: 'en' });
      expect(silence.turn.gather).toMatchObject({ finishKey: '#' });
      expect((await simulate({ callId, event: 'start', language: 'de' })).status).toBe(400);
    });

    it('shows no PIN once the holder changed it: the page cannot know the new one', async () => {
      const em = api.em();
      const permit = await em.findOneOrFail(Permit, await api.permitOf(demoPhoneLineHolder));
      permit.pinHash = await hashSecret('8642');
      await em.flush();
      const shown = (await (await fetch(`${api.url}/demo/phone`)).json()) as { pin: unknown };
      expect(shown.pin).toBeNull();
    });
  },
);
