import { trace } from '@opentelemetry/api';

/** Sends the spans not yet exported (at shutdown); nothing without tracing. */
export async function flushTraces(): Promise<void> {
  const provider = trace.getTracerProvider() as {
    getDelegate?: () => { forceFlush?: () => Promise<void> };
  };
  await provider.getDelegate?.().forceFlush?.();
}
