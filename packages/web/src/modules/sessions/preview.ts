import { parsePlate } from '@parkeer/domain/plate/plate';
import { productRulesFromJson } from '@parkeer/domain/session-policy/product-rules';
import {
  decideChangeEnd,
  decideStart,
  type SessionDecision,
} from '@parkeer/domain/session-policy/session-decision';
import type { ErrorCode, MessageParams } from '@parkeer/shared/messages/error-catalogue';
import type { Language } from '@parkeer/shared/language';

/** What a session would do, as the resident sees it before confirming. */
export type Preview =
  | {
      readonly ok: true;
      readonly plate: string;
      /** ISO country of the plate ('NL' for a Dutch one). */
      readonly country: string;
      readonly start: Date;
      readonly end: Date;
      readonly paidMinutes: number;
      readonly cost: number;
      readonly reservation: number;
      readonly unit: string;
      readonly planned: boolean;
      readonly runsToZero: boolean;
      readonly coveredUntil: Date;
    }
  | { readonly ok: false; readonly reason: ErrorCode; readonly params?: MessageParams };

export interface PreviewInput {
  /** The product's `rules` as the API sends them. */
  readonly rules: Record<string, unknown>;
  readonly now: Date;
  /** The balance the session would pay from (a delegate's: its delegation's). */
  readonly balance: number;
  readonly unit: string;
  /** The product's running and planned sessions. */
  readonly sessions: readonly { plate: string; start: string; end: string }[];
  /** A delegation limited to one plate. */
  readonly delegationPlate: string | null;
  readonly plate: string;
  /** ISO country of a foreign plate; omitted or 'NL': a Dutch plate. */
  readonly country?: string;
  readonly start: Date | null;
  readonly end: Date | null;
  readonly language: Language;
}

/**
 * The decision and cost of a session by the same domain code that will charge it (docs/rules.md §5),
 * with the product's own rules: what the resident sees is what the API decides, unless the
 * balance or the sessions change in between.
 */
export function previewSession(input: PreviewInput): Preview {
  const parsed = parsePlate(input.plate, input.country);
  if (!parsed.ok) return { ok: false, reason: parsed.reason, params: parsed.params };
  const allowed = input.delegationPlate ? parsePlate(input.delegationPlate) : null;
  const decision = decideStart(
    {
      plate: parsed.plate.normalised,
      start: input.start ?? undefined,
      end: input.end ?? undefined,
    },
    {
      ...productRulesFromJson(input.rules),
      now: input.now,
      balance: input.balance,
      sessions: input.sessions.map((session) => ({
        plate: session.plate,
        start: new Date(session.start),
        end: new Date(session.end),
      })),
      allowedPlates: allowed?.ok ? [allowed.plate.normalised] : null,
    },
  );
  return previewOf(decision, parsed.plate.display, parsed.plate.country, input.unit);
}

export interface ChangePreviewInput {
  /** The product's `rules` as the API sends them. */
  readonly rules: Record<string, unknown>;
  readonly now: Date;
  /** The available balance the session pays from, its own reservation not included. */
  readonly balance: number;
  readonly unit: string;
  /** The session being changed, as the session list has it. */
  readonly session: {
    readonly id: string;
    readonly plate: string;
    readonly formattedPlate: string;
    readonly country: string;
    readonly start: string;
    readonly end: string;
    readonly reservation: number;
  };
  /** The product's running and planned sessions (the one being changed may be among them). */
  readonly sessions: readonly { id: string; plate: string; start: string; end: string }[];
  readonly delegationPlate: string | null;
  readonly end: Date;
}

/**
 * A new end of a session as the API will decide it (docs/rules.md §5: the same checks as a start,
 * its own reservation counting as available): the cost for the whole session and what it holds
 * after the change. `change` is what the balance gives (positive) or gets back (negative).
 */
export function previewChangeEnd(
  input: ChangePreviewInput,
): (Extract<Preview, { ok: true }> & { change: number }) | Extract<Preview, { ok: false }> {
  const allowed = input.delegationPlate ? parsePlate(input.delegationPlate) : null;
  const decision = decideChangeEnd(
    {
      plate: input.session.plate,
      start: new Date(input.session.start),
      end: new Date(input.session.end),
      reservation: input.session.reservation,
    },
    input.end,
    {
      ...productRulesFromJson(input.rules),
      now: input.now,
      balance: input.balance,
      sessions: input.sessions
        .filter((session) => session.id !== input.session.id)
        .map((session) => ({
          plate: session.plate,
          start: new Date(session.start),
          end: new Date(session.end),
        })),
      allowedPlates: allowed?.ok ? [allowed.plate.normalised] : null,
    },
  );
  const preview = previewOf(
    decision,
    input.session.formattedPlate,
    input.session.country,
    input.unit,
  );
  if (!preview.ok) return preview;
  return { ...preview, change: preview.reservation - input.session.reservation };
}

function previewOf(
  decision: SessionDecision,
  plate: string,
  country: string,
  unit: string,
): Preview {
  if (!decision.ok) return { ok: false, reason: decision.reason, params: decision.params };
  return {
    ok: true,
    plate,
    country,
    start: decision.start,
    end: decision.end,
    paidMinutes: decision.bill.minutes,
    cost: decision.bill.cost,
    reservation: decision.reservation,
    unit,
    planned: decision.planned,
    runsToZero: decision.runsToZero,
    coveredUntil: decision.coveredUntil,
  };
}
