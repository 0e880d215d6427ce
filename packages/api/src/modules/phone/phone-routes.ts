import type { MikroORM } from '@mikro-orm/core';
import express, { type Request } from 'express';
import { config } from '../../config/config.js';
import type { LivePubSub } from '../../graphql/pubsub.js';
import { logger } from '../../logging/logger.js';
import { LivePublisher } from '../session/live-publisher.js';
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

/**
 * The phone line's Twilio-compatible webhooks (docs/architecture.md §Phone line): form-posted
 * keys in, TwiML out, every request checked against X-Twilio-Signature (403 without a valid one).
 * Without a token (production without PHONE_WEBHOOK_TOKEN) the line is off: 404.
 */
export function phoneRoutes({ orm, clock, pubSub }: PhoneRoutesOptions): express.Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '16kb' });

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

  const turn = async (params: Record<string, string>, event: PhoneWebhookEvent) => {
    const service = new PhoneLineService(orm.em.fork(), clock(), new LivePublisher(pubSub).sink);
    return service.turn(params.CallSid!, event, params.From ?? '');
  };

  router.post(twilioVoicePath, form, async (req, res) => {
    const params = signedForm(req, res);
    if (!params) return;
    const event: PhoneWebhookEvent =
      req.query.noInput === '1'
        ? { type: 'noInput' }
        : { type: 'keys', digits: params.Digits ?? null };
    try {
      const { step, language } = await turn(params, event);
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
    const params = signedForm(req, res);
    if (!params) return;
    if (endedStatuses.has(params.CallStatus ?? '')) {
      try {
        await turn(params, { type: 'hangUp' });
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
