import { useCallback, useRef, useState } from 'react';
import type { Language } from '@parkeer/shared/language';
import { gatherKey } from './gather-keys.js';
import {
  newCallId,
  sendCallEvent,
  type CallEvent,
  type Gather,
  type SaidLine,
} from './simulator-api.js';

/** One line of the transcript: what the line said, what the caller keyed, or how the call went. */
export type TranscriptEntry =
  | { readonly kind: 'said'; readonly line: SaidLine }
  | { readonly kind: 'keyed'; readonly keys: string }
  | { readonly kind: 'silence' }
  | { readonly kind: 'ended'; readonly by: 'line' | 'caller' };

export type CallStatus = 'idle' | 'busy' | 'listening' | 'ended';

export interface SimulatedCall {
  readonly status: CallStatus;
  readonly transcript: readonly TranscriptEntry[];
  /** What the line waits for, while it listens. */
  readonly gather: Gather | null;
  /** Keys pressed that the line has not been sent yet (the gather is not finished). */
  readonly keyed: string;
  readonly failed: boolean;
  call(): void;
  press(key: string): void;
  /** What the provider does when the gather's time runs out: the keys so far, or silence. */
  wait(): void;
  hangUp(): void;
}

/**
 * A call through the API's phone simulator, driven as a telephony provider drives the webhook
 * (docs/operations.md, Phone line): keys are gathered until the line's finish key or its number
 * of keys, one event at a time.
 */
export function useSimulatedCall(language: Language): SimulatedCall {
  const [status, setStatus] = useState<CallStatus>('idle');
  const [transcript, setTranscript] = useState<TranscriptEntry[]>([]);
  const [gather, setGather] = useState<Gather | null>(null);
  const [keyed, setKeyed] = useState('');
  const [failed, setFailed] = useState(false);
  const callId = useRef<string | null>(null);

  const send = useCallback(
    async (event: CallEvent, heard: TranscriptEntry[]) => {
      const id = callId.current;
      if (!id) return;
      setStatus('busy');
      setGather(null);
      setTranscript((before) => [...before, ...heard]);
      try {
        const turn = await sendCallEvent(id, event, language);
        if (callId.current !== id) return;
        const said = turn.said.map((line): TranscriptEntry => ({ kind: 'said', line }));
        const ended: TranscriptEntry[] = turn.gather ? [] : [{ kind: 'ended', by: 'line' }];
        setTranscript((before) => [...before, ...said, ...ended]);
        setGather(turn.gather);
        setStatus(turn.gather ? 'listening' : 'ended');
        if (!turn.gather) callId.current = null;
      } catch {
        if (callId.current !== id) return;
        setFailed(true);
        setStatus('ended');
        callId.current = null;
      }
    },
    [language],
  );

  const call = useCallback(() => {
    callId.current = newCallId();
    setTranscript([]);
    setKeyed('');
    setFailed(false);
    void send({ event: 'start' }, []);
  }, [send]);

  const press = useCallback(
    (key: string) => {
      if (status !== 'listening' || !gather) return;
      const next = gatherKey(gather, keyed, key);
      setKeyed(next.keyed);
      if (next.send !== null) {
        void send({ event: 'keys', digits: next.send }, [{ kind: 'keyed', keys: keyed + key }]);
      }
    },
    [status, gather, keyed, send],
  );

  const wait = useCallback(() => {
    if (status !== 'listening') return;
    setKeyed('');
    if (keyed) void send({ event: 'keys', digits: keyed }, [{ kind: 'keyed', keys: keyed }]);
    else void send({ event: 'noInput' }, [{ kind: 'silence' }]);
  }, [status, keyed, send]);

  const hangUp = useCallback(() => {
    const id = callId.current;
    if (!id) return;
    callId.current = null;
    setGather(null);
    setKeyed('');
    setStatus('ended');
    setTranscript((before) => [...before, { kind: 'ended', by: 'caller' }]);
    // The provider's status callback: the line ends the call wherever it was.
    sendCallEvent(id, { event: 'hangUp' }, language).catch(() => setFailed(true));
  }, [language]);

  return { status, transcript, gather, keyed, failed, call, press, wait, hangUp };
}
