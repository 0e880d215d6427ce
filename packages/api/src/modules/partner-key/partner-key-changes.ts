import { Topic, type LivePubSub } from '../../graphql/pubsub.js';
import { forgetAllPartnerKeys, forgetPartnerKey } from './partner-key-auth.js';

/** The one channel of key changes: every instance listens to all of them. */
const channel = 'all';

/**
 * Tells every instance that a key changed (rotated, revoked, its budgets set), and forgets it here
 * at once: the next request with it reads it anew, so a revoked key is refused everywhere.
 */
export function announcePartnerKeyChange(pubSub: LivePubSub, keyId: string): void {
  forgetPartnerKey(keyId);
  pubSub.publish(Topic.PartnerKeyEvents, channel, { keyId });
}

/**
 * Keeps this instance's key cache (partner-key-auth.ts) in step with changes made on any
 * instance. When changes may have been missed (Redis was away) the whole cache goes: reading
 * keys from the database again is cheap, answering for a revoked key is not.
 */
export function followPartnerKeyChanges(pubSub: LivePubSub): () => void {
  const changes = pubSub.subscribe(Topic.PartnerKeyEvents, [channel], () => true);
  void (async () => {
    for await (const change of changes) {
      if (typeof change === 'object') forgetPartnerKey(change.keyId);
      else forgetAllPartnerKeys();
    }
  })();
  return () => void changes.return?.();
}
