import type { EntityManager } from '@mikro-orm/core';
import type { LivePubSub, Topic, TopicPayloads } from '../../graphql/pubsub.js';
import { endsWithAccess } from '../../graphql/subscription-access.js';
import type { EventsMissed } from '../../graphql/subscriber-queue.js';
import type { Viewer } from '../../graphql/viewer.js';
import { watchedProducts, type WatchedProduct } from './live-scope.js';

/** Who watches, what they read the products with, and where the events come from. */
export interface Watcher {
  readonly em: EntityManager;
  readonly viewer: Viewer;
  readonly pubSub: LivePubSub;
}

/**
 * The events of `topic` the viewer may see: of one product or of all theirs, each passed through
 * `visible` with the way the viewer holds that product. Throws (NOT_FOUND) before anything is
 * subscribed when the product is not theirs. Completes when the login it was started with ends
 * (logout, password reset) or a delegation it covers is revoked: the client subscribes again
 * and is judged anew.
 */
export async function watch<T extends Topic>(
  { em, viewer, pubSub }: Watcher,
  topic: T,
  productId: string | null,
  visible: (payload: TopicPayloads[T], watched: WatchedProduct) => boolean,
): Promise<AsyncIterable<TopicPayloads[T] | EventsMissed>> {
  const products = new Map(
    (await watchedProducts(em, viewer, productId)).map((watched) => [watched.productId, watched]),
  );
  const delegations = new Set([...products.values()].map((watched) => watched.delegationId));
  return pubSub.subscribe(
    topic,
    [...products.keys()],
    (payload, id) => visible(payload, products.get(id)!),
    endsWithAccess(viewer, delegations),
  );
}
