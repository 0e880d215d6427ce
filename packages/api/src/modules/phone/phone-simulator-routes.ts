import type { MikroORM } from '@mikro-orm/core';
import express, { type Request } from 'express';
import { config } from '../../config/config.js';
import { logger } from '../../logging/logger.js';
import { Permit } from '../../model/permit.entity.js';
import { demoPhoneLineHolder, demoPinOf } from '../../seed/demo-seed.js';
import { verifySecret } from '../auth/password-hash.js';
import { registrationNumberPrefix } from '../permit/registration-credentials.js';
import { twilioStatusPath, twilioVoicePath } from './phone-routes.js';
import { phoneWebhookToken, twilioSignature, twilioSignatureHeader } from './twilio-signature.js';

/** The phone simulator's endpoint (demo mode only): the browser's keypad and captions. */
export const phoneSimulatorPath = '/demo/phone';

/** What the simulator shows: the lines said (captions) and the keys the line waits for. */
export interface SimulatedTurn {
  readonly said: ReadonlyArray<{ readonly language: string; readonly text: string }>;
  readonly gather: {
    readonly maxDigits: number;
    readonly finishKey: string;
    readonly timeoutSeconds: number;
  } | null;
}

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The TwiML of twiml.ts read back: only the shapes it writes. */
export function turnOfTwiml(xml: string): SimulatedTurn {
  const said = [...xml.matchAll(/<Say language="([^"]+)">([^<]*)<\/Say>/g)].map((match) => ({
    language: match[1]!,
    text: unescapeXml(match[2]!),
  }));
  const gather = /<Gather [^>]*numDigits="(\d+)" finishOnKey="([^"]*)" timeout="(\d+)"/.exec(xml);
  return {
    said,
    gather: gather
      ? {
          maxDigits: Number(gather[1]),
          finishKey: gather[2]!,
          timeoutSeconds: Number(gather[3]),
        }
      : null,
  };
}

/** This very process's address, so the simulated provider reaches it whatever PUBLIC_URL says. */
function ownAddress(req: Request): string {
  const host = req.socket.localAddress ?? '127.0.0.1';
  return `http://${host.includes(':') ? `[${host}]` : host}:${req.socket.localPort}`;
}

/** The demo permit a newcomer calls with; `pin` is null once its holder changed the PIN. */
export interface SimulatorPermit {
  readonly registrationNumber: string;
  readonly pin: string | null;
}

/** The caller's number the simulator reports: the page's language is the one suggested. */
const simulatedCallers = { nl: '+31201234567', en: '+442071234567' } as const;

/** The demo resident's visitor permit, with the seed's PIN when that still opens it. */
async function simulatorPermit(orm: MikroORM): Promise<SimulatorPermit | null> {
  const permit = await orm.em
    .fork()
    .findOne(
      Permit,
      { holder: { email: demoPhoneLineHolder }, productType: { kind: 'visitorPermit' } },
      { populate: ['pinHash'], orderBy: { productCode: 'asc' } },
    );
  if (!permit) return null;
  const pin = demoPinOf(permit.productCode);
  return {
    registrationNumber: permit.productCode.slice(registrationNumberPrefix.length),
    pin: (await verifySecret(permit.pinHash, pin)) ? pin : null,
  };
}

/**
 * A telephony provider in the browser, for demo mode: the simulator page posts its keys here,
 * and this endpoint posts them, signed as Twilio signs them, to the phone line's own webhook, so
 * the page drives exactly what a real call drives. Absent outside demo mode.
 */
export function phoneSimulatorRoutes({ orm }: { orm: MikroORM }): express.Router {
  const router = express.Router();
  const settings = config();
  if (!settings.DEMO_MODE || settings.production) return router;

  router.get(phoneSimulatorPath, async (_req, res) => {
    try {
      const permit = await simulatorPermit(orm);
      if (!permit) res.status(404).json({ error: 'no demo permit to call with' });
      else res.json(permit);
    } catch (error) {
      logger.error({ err: error }, 'the phone simulator could not read its demo permit');
      res.status(500).json({ error: 'the demo permit could not be read' });
    }
  });

  router.post(phoneSimulatorPath, express.json({ limit: '4kb' }), async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const callId = typeof body.callId === 'string' ? body.callId : '';
    const event = body.event;
    const digits = typeof body.digits === 'string' ? body.digits : undefined;
    const language = body.language ?? 'nl';
    if (
      (language !== 'nl' && language !== 'en') ||
      !/^SIM[A-Za-z0-9]{8,61}$/.test(callId) ||
      !['start', 'keys', 'noInput', 'hangUp'].includes(String(event)) ||
      (digits !== undefined && !/^[0-9*#]{0,40}$/.test(digits))
    ) {
      res
        .status(400)
        .json({ error: 'callId (SIM…), event, digits (0-9 * #) and language (nl, en) please' });
      return;
    }
    const token = phoneWebhookToken()!;
    // The line suggests a language by the caller's number: the page's language is the one heard.
    const params: Record<string, string> = { CallSid: callId, From: simulatedCallers[language] };
    let path = twilioVoicePath;
    if (event === 'keys') params.Digits = digits ?? '';
    if (event === 'noInput') path = `${twilioVoicePath}?noInput=1`;
    if (event === 'hangUp') {
      path = twilioStatusPath;
      params.CallStatus = 'completed';
    }
    // As the URL parser writes it (an IPv4-mapped address changes form): the Host header sent.
    const url = new URL(path, ownAddress(req)).href;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          [twilioSignatureHeader]: twilioSignature(token, url, params),
        },
        body: new URLSearchParams(params).toString(),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) {
        res.status(502).json({ error: `the phone line answered ${response.status}` });
        return;
      }
      const turn: SimulatedTurn =
        event === 'hangUp' ? { said: [], gather: null } : turnOfTwiml(await response.text());
      res.json(turn);
    } catch (error) {
      logger.error({ err: error }, 'the phone simulator could not reach the phone line');
      res.status(502).json({ error: 'the phone line did not answer' });
    }
  });
  return router;
}
