import type { MikroORM } from '@mikro-orm/core';
import express, { type Request } from 'express';
import { config } from '../../config/config.js';
import type { LivePubSub } from '../../graphql/pubsub.js';
import { logger } from '../../logging/logger.js';
import { budgetHeaders } from '../partner-key/partner-key-budget.js';
import { LivePublisher } from '../session/live-publisher.js';
import { checkPhoneLineKey, keyedCallId, presentedPhoneLineKey } from './phone-line-key.js';
import { PhoneLineService, type PhoneWebhookEvent } from './phone-line.service.js';
import { twimlOf } from './twiml.js';
import {
  hasValidTwilioSignature,
  phoneWebhookToken,
  twilioSignatureHeader,
} from './twilio-signature.js';

/** Twilio's voice webhook ("A call comes in") and, with `?noInput=1`, the silence after a gather. */
export const twilioVoicePath = '/webhooks/phone/twilio';
/** Twilio's call status callback: a call that ended, wherever the dialogue was. */
export const twilioStatusPath = '/webhooks/phone/twilio/status';

/** The statuses of a call that is over (Twilio's CallStatus values). */
const endedStatuses = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);

export interface PhoneRoutesOptions {
  readonly orm: MikroORM;
  readonly clock: () => Date;
  readonly pubSub: LivePubSub;
}

/**
 * The URLs Twilio may have signed: the one configured at Twilio is PUBLIC_URL's origin and the
 * path when the API runs behind a proxy, or the address this request came in on (a provider or
 * the simulator calling the API directly). Either is signed with the same secret token.
 */
export function signedUrlsOf(req: Request): string[] {
  const own = `${req.protocol}://${req.get('host')}${req.originalUrl}`;
  const configured = new URL(config().PUBLIC_URL).origin + req.originalUrl;
  return configured === own ? [own] : [configured, own];
}

/** The form's fields as strings (a repeated field keeps its last value, as Twilio sends none). */
function formOf(body: unknown): Record<string, string> {
  if (!body || typeof body !== 'object') return {};
  return Object.fromEntries(
    Object.entries(body as Record<string, unknown>).flatMap(([name, value]) =>
      typeof value === 'string' ? [[name, value]] : [],
    ),
  );
}

/** A webhook let in: its form, the call's stored id and the town it is limited to (null: any). */
interface AdmittedWebhook {
  readonly params: Record<string, string>;
  readonly callId: string;
  readonly town: string | null;
}

/**
 * The phone line's Twilio-compatible webhooks (docs/architecture.md §Phone line): form-posted
 * keys in, TwiML out. A request is let in by a town's machine key with the `phoneLine` scope
 * (Authorization, bearer or Basic: 401 when it is not one; 429 when its budget is spent), and
 * then answers that town's permits only; or else by X-Twilio-Signature with PHONE_WEBHOOK_TOKEN
 * (403 without a valid one; without a token, in production, the line is off: 404).
 */
export function phoneRoutes({ orm, clock, pubSub }: PhoneRoutesOptions): express.Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '16kb' });

  /** The form of a request let in, or null when the answer (404, 401, 403, 429, 400) was sent. */
  const admitted = async (req: Request, res: express.Response): Promise<AdmittedWebhook | null> => {
    const key = presentedPhoneLineKey(req.get('authorization'));
    if (key) return keyedForm(req, res, key);
    const params = signedForm(req, res);
    return params ? { params, callId: params.CallSid!, town: null } : null;
  };

  const keyedForm = async (
    req: Request,
    res: express.Response,
    key: string,
  ): Promise<AdmittedWebhook | null> => {
    const check = await checkPhoneLineKey(orm.em.fork(), key, clock());
    if (check.outcome === 'refused') {
      res.status(401).json({ error: 'not a phone line key' });
      return null;
    }
    if (check.outcome === 'budgetSpent') {
      res.set(budgetHeaders(check.error.budgets));
      res.set('retry-after', String(check.error.extensions.retryAfterSeconds));
      res.status(429).json({ error: 'the key’s budget is spent' });
      return null;
    }
    res.set(budgetHeaders(check.budgets));
    const params = formOf(req.body);
    if (!params.CallSid || params.CallSid.length > 64) {
      res.status(400).json({ error: 'CallSid missing' });
      return null;
    }
    return { params, callId: keyedCallId(check.keyId, params.CallSid), town: check.town };
  };

  /** The form of a signed request, or null when the answer (404, 403, 400) was sent. */
  const signedForm = (req: Request, res: express.Response): Record<string, string> | null => {
    const token = phoneWebhookToken();
    if (!token) {
      res.status(404).json({ error: 'the phone line is not configured' });
      return null;
    }
    const params = formOf(req.body);
    const signature = req.get(twilioSignatureHeader);
    if (!signedUrlsOf(req).some((url) => hasValidTwilioSignature(token, url, params, signature))) {
      res.status(403).json({ error: 'invalid signature' });
      return null;
    }
    if (!params.CallSid || params.CallSid.length > 64) {
      res.status(400).json({ error: 'CallSid missing' });
      return null;
    }
    return params;
  };

  const turn = async ({ params, callId, town }: AdmittedWebhook, event: PhoneWebhookEvent) => {
    const sink = new LivePublisher(pubSub).sink;
    const service = new PhoneLineService(orm.em.fork(), clock(), sink, town);
    return service.turn(callId, event, params.From ?? '');
  };

  router.post(twilioVoicePath, form, async (req, res) => {
    const webhook = await admitted(req, res);
    if (!webhook) return;
    const { params } = webhook;
    const event: PhoneWebhookEvent =
      req.query.noInput === '1'
        ? { type: 'noInput' }
        : { type: 'keys', digits: params.Digits ?? null };
    try {
      const { step, language } = await turn(webhook, event);
      const xml = twimlOf(step, language, {
        action: twilioVoicePath,
        noInput: `${twilioVoicePath}?noInput=1`,
      });
      res.status(200).type('text/xml').send(xml);
    } catch (error) {
      logger.error({ err: error }, 'phone webhook not processed');
      res.status(500).json({ error: 'phone webhook not processed' });
    }
  });

  router.post(twilioStatusPath, form, async (req, res) => {
    const webhook = await admitted(req, res);
    if (!webhook) return;
    if (endedStatuses.has(webhook.params.CallStatus ?? '')) {
      try {
        await turn(webhook, { type: 'hangUp' });
      } catch (error) {
        logger.error({ err: error }, 'phone status callback not processed');
        res.status(500).json({ error: 'phone status callback not processed' });
        return;
      }
    }
    res.status(204).end();
  });

  return router;
}
