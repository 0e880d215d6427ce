import { createHash, timingSafeEqual } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import express from 'express';
import { config } from '../../config/config.js';
import type { LivePubSub } from '../../graphql/pubsub.js';
import { logger } from '../../logging/logger.js';
import { LivePublisher } from '../session/live-publisher.js';
import { notifiedChange } from './register-moves.js';

export const brpNotificationPath = '/registry/brp/notifications';

/** Compares digests, so neither the length nor the bytes of the secret leak through timing. */
const sameSecret = (given: string, secret: string) =>
  timingSafeEqual(
    createHash('sha256').update(given).digest(),
    createHash('sha256').update(secret).digest(),
  );

/**
 * The population register's change notifications (docs/rules.md §2 moving): the register (or the
 * town's BRP gateway, "volgindicaties") posts `{ "burgerservicenummer": "…" }` for a person whose
 * data changed, with `Authorization: Bearer BRP_NOTIFICATION_SECRET`. The holder is re-checked
 * at once; 202 when done or nobody we know, 503 when the register did not answer so the sender
 * tries again. Off (404) without a secret.
 */
export function registerRoutes(options: {
  readonly orm: MikroORM;
  readonly clock: () => Date;
  readonly pubSub: LivePubSub;
}): express.Router {
  const router = express.Router();
  router.post(brpNotificationPath, express.json({ limit: '4kb' }), async (req, res) => {
    const secret = config().BRP_NOTIFICATION_SECRET;
    if (!secret) {
      res.status(404).json({ error: 'not found' });
      return;
    }
    const header = req.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    if (!given || !sameSecret(given, secret)) {
      res.status(401).json({ error: 'unauthorized' });
      return;
    }
    const bsn = (req.body as { burgerservicenummer?: unknown } | undefined)?.burgerservicenummer;
    if (typeof bsn !== 'string') {
      res.status(400).json({ error: 'burgerservicenummer required' });
      return;
    }
    const outcome = await notifiedChange(
      options.orm.em.fork(),
      bsn,
      options.clock(),
      new LivePublisher(options.pubSub).sink,
    );
    // The outcome without the person: logs carry no BSN.
    logger.info({ outcome }, 'population register notification');
    if (outcome === 'invalid') {
      res.status(400).json({ error: 'burgerservicenummer invalid' });
      return;
    }
    if (outcome === 'unanswered') {
      res.status(503).json({ error: 'population register unavailable, try again later' });
      return;
    }
    res.status(202).json({});
  });
  return router;
}
