import { filter, pipe, Repeater } from '@graphql-yoga/subscription';
import type { Context } from '../../graphql/context.js';
import type { Topic, TopicPayloads } from '../../graphql/pubsub.js';
import { watchedProducts, type WatchedProduct } from './live-scope.js';

/**
 * The events of `topic` the viewer may see: of one product or of all theirs, each passed through
 * `visible` with the way the viewer holds that product. Throws (NOT_FOUND) before anything is
 * subscribed when the product is not theirs.
 */
export async function watch<T extends Topic>(
  ctx: Context,
  topic: T,
  productId: string | null,
  visible: (payload: TopicPayloads[T], watched: WatchedProduct) => boolean,
): Promise<AsyncIterable<TopicPayloads[T]>> {
  const products = await watchedProducts(ctx.em, ctx.viewer!, productId);
  // Nothing to watch yet: stay open (and quiet) rather than end the subscription at once.
  if (products.length === 0) return new Repeater<TopicPayloads[T]>((_push, stop) => stop);
  const streams = products.map((watched) =>
    pipe(
      ctx.pubSub.subscribe(topic, watched.productId),
      filter((payload: TopicPayloads[T]) => visible(payload, watched)),
    ),
  );
  return streams.length === 1
    ? streams[0]!
    : (Repeater.merge(streams) as AsyncIterable<TopicPayloads[T]>);
}
