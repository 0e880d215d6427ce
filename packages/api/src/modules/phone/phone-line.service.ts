import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import {
  newPhoneCall,
  phoneStep,
  phoneTurn,
  type PhoneAnswer,
  type PhoneCall as PhoneDialogue,
  type PhoneRefusal,
  type PhoneRequest,
  type PhoneStep,
  type QuotedEnd,
} from '@parkeer/domain/phone/phone-dialogue';
import type { ClockTime, SpokenAmount } from '@parkeer/domain/phone/phone-prompts';
import { nextInstantAt, wallClockOf } from '@parkeer/domain/time/zoned-time';
import type { Language } from '@parkeer/shared/language';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { recordForPermitHolder } from '../audit/audit-log.js';
import { AppError } from '../../graphql/app-error.js';
import { logger } from '../../logging/logger.js';
import { Favorite } from '../../model/favorite.entity.js';
import { ParkingSession } from '../../model/parking-session.entity.js';
import { Permit } from '../../model/permit.entity.js';
import { PhoneCall } from '../../model/phone-call.entity.js';
import type { ChangeSink } from '../ledger/permit-transaction.js';
import { findRecentPlates } from '../plate/recent-plates.repository.js';
import { checkRegistrationPin } from '../permit/registration-credentials.js';
import { RegistryUnavailableError } from '../registry/registry-names.js';
import type { PermitEvent } from '../session/permit-events.js';
import { SessionService } from '../session/session.service.js';
import { lookUpVehicle } from '../vehicle/rdw-client.js';

/** A call's state lives this long after its last webhook: far longer than any call lasts. */
export const phoneCallLifetimeMs = 2 * 60 * 60_000;

/** What the provider's webhook says happened, in the provider's neutral terms. */
export type PhoneWebhookEvent =
  /** Keys gathered (possibly none: silence) or, on a call's first webhook, nothing yet. */
  | { readonly type: 'keys'; readonly digits: string | null }
  | { readonly type: 'noInput' }
  | { readonly type: 'hangUp' };

/** The permit this call signed in to, as far as the turn under way knows. */
interface SignedIn {
  permitId: string | null;
}

/** A hang-up retries when a turn saved first; turns of one call do not come in dozens. */
const maxHangUpAttempts = 5;

export interface PhoneTurnResult {
  readonly step: PhoneStep;
  readonly language: Language;
}

/** The caller's likely language from the number's country: Dutch numbers hear Dutch first. */
export function suggestedLanguage(caller: string): Language {
  const number = caller.trim();
  if (!number.startsWith('+') || number.startsWith('+31')) return 'nl';
  return 'en';
}

/**
 * The phone line's service (docs/rules.md §5, "The phone line"): keeps each call's dialogue
 * between webhooks and answers its requests with the platform's own services, as the web does:
 * sessions through `SessionService` (channel 'phone'), the PIN as the product code's PIN with
 * the `registrationPin` guessing limits.
 */
export class PhoneLineService {
  constructor(
    private readonly em: EntityManager,
    private readonly now: Date,
    private readonly sink: ChangeSink<PermitEvent> | null = null,
    /** The town whose machine key let the webhook in: another town's permit is a wrong number. */
    private readonly town: string | null = null,
  ) {}

  /** One webhook of call `callId` from `caller` (the number, or '' when withheld). */
  async turn(callId: string, event: PhoneWebhookEvent, caller: string): Promise<PhoneTurnResult> {
    if (event.type === 'hangUp') return this.hangUp(callId);
    const row = await this.em.findOne(PhoneCall, { callId }, { refresh: true });
    // Calls the provider never ended go with the next new one.
    if (!row) await this.em.nativeDelete(PhoneCall, { expiresAt: { $lt: this.now } });
    const expired = row !== null && row.expiresAt <= this.now;
    const dialogue = (row?.state ?? newPhoneCall()) as PhoneDialogue;
    const dialogueEvent = expired
      ? ({ type: 'hangUp' } as const)
      : dialogue.phase.at === 'new'
        ? ({ type: 'callStarted', language: suggestedLanguage(caller) } as const)
        : event.type === 'noInput'
          ? ({ type: 'noInput' } as const)
          : ({ type: 'digits', digits: event.digits ?? '' } as const);
    const signedIn: SignedIn = { permitId: row?.permitId ?? null };
    const step = await phoneTurn(dialogue, dialogueEvent, (request) =>
      this.answer(request, signedIn, caller),
    );
    const saved = await this.save(callId, row, {
      state: step.call,
      permitId: signedIn.permitId,
      expiresAt: expired ? row.expiresAt : this.expiry(),
    });
    if (saved) return { step, language: step.call.language };
    // The status callback ended the call while this turn ran (docs/rules.md §5, "Hang-up"): the
    // hang-up stands and the line only hangs up; what the turn did (a session started) stays.
    const stored = await this.em.findOneOrFail(PhoneCall, { callId }, { refresh: true });
    const current = stored.state as PhoneDialogue;
    if (current.phase.at !== 'ended') {
      // Another turn of the same call (a provider's retry) was saved first: its state stands.
      logger.warn({ callId }, 'phone turn raced another turn of the same call');
      return { step, language: step.call.language };
    }
    return {
      step: phoneStep(current, { type: 'hangUp' }),
      language: current.language,
    };
  }

  /**
   * The call ended (the provider's status callback): the dialogue ends wherever it was. Saved
   * over the version read, and read again when a turn saved first, so no turn can undo it; a
   * call not seen yet is stored ended, so a first webhook still under way finds it so.
   */
  private async hangUp(callId: string): Promise<PhoneTurnResult> {
    for (let attempt = 1; ; attempt++) {
      const row = await this.em.findOne(PhoneCall, { callId }, { refresh: true });
      const step = phoneStep((row?.state ?? newPhoneCall()) as PhoneDialogue, { type: 'hangUp' });
      const saved = await this.save(callId, row, {
        state: step.call,
        permitId: row?.permitId ?? null,
        expiresAt: row?.expiresAt ?? this.expiry(),
      });
      if (saved) return { step, language: step.call.language };
      if (attempt === maxHangUpAttempts) throw new Error('The hang-up kept racing turns');
    }
  }

  /**
   * Writes the call's row only over the version `read` (a guarded update; a new row by insert):
   * false when another webhook of the call saved in between.
   */
  private async save(
    callId: string,
    read: PhoneCall | null,
    change: { state: PhoneDialogue; permitId: string | null; expiresAt: Date },
  ): Promise<boolean> {
    if (read) {
      const updated = await this.em.nativeUpdate(
        PhoneCall,
        { callId, version: read.version },
        { ...change, updatedAt: this.now, version: read.version + 1 },
      );
      return updated === 1;
    }
    try {
      await this.em.insert(PhoneCall, {
        callId,
        ...change,
        version: 1,
        createdAt: this.now,
        updatedAt: this.now,
      });
      return true;
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) return false;
      throw error;
    }
  }

  private expiry(): Date {
    return new Date(this.now.getTime() + phoneCallLifetimeMs);
  }

  private async answer(
    request: PhoneRequest,
    signedIn: SignedIn,
    caller: string,
  ): Promise<PhoneAnswer> {
    if (request.kind === 'checkCredentials') {
      return {
        kind: 'checkCredentials',
        outcome: await this.checkCredentials(
          signedIn,
          request.registrationNumber,
          request.pin,
          caller,
        ),
      };
    }
    // The dialogue asks nothing else before a sign-in; the check keeps a forged state harmless.
    if (!signedIn.permitId) throw new Error('The phone line asked for a permit before the sign-in');
    const permit = await this.em.findOneOrFail(
      Permit,
      { id: signedIn.permitId },
      { populate: ['productType', 'municipality'] },
    );
    const unit: BalanceUnit = permit.productType.balanceUnit ?? 'minutes';
    const timeZone = permit.municipality.timeZone;
    const amount = (value: number): SpokenAmount => ({ amount: value, unit });
    switch (request.kind) {
      case 'balance':
        return { kind: 'balance', balance: amount(permit.balance) };
      case 'plateChoices':
        return { kind: 'plateChoices', ...(await this.plateChoices(permit.id)) };
      case 'checkPlate':
        return { kind: 'checkPlate', exists: await plateExists(request.plate.plate) };
      case 'quote': {
        const end = request.until ? this.instantOf(request.until, timeZone) : undefined;
        const { decision } = await this.sessions().quote({
          permitId: permit.id,
          plate: request.plate.plate,
          country: request.plate.country,
          end,
        });
        if (!decision.ok) return { kind: 'quote', outcome: refusal(decision) };
        // Read again: the quote settles nothing, but the balance said is the one it spends from.
        return {
          kind: 'quote',
          outcome: {
            ok: true,
            end: quotedEnd(decision.end, timeZone),
            cost: amount(decision.bill.cost),
            balance: amount(permit.balance),
          },
        };
      }
      case 'start': {
        const outcome = await this.sessions()
          .start({
            permitId: permit.id,
            plate: request.plate.plate,
            country: request.plate.country,
            end: new Date(request.end.at),
            channel: 'phone',
          })
          .catch(refusedBy);
        if ('reason' in outcome) return { kind: 'start', outcome };
        if (!outcome.ok) return { kind: 'start', outcome: refusal(outcome.decision) };
        await this.audit(permit, 'phone.session.start', outcome.session.id, {
          end: outcome.session.end.toISOString(),
        });
        return {
          kind: 'start',
          outcome: { ok: true, end: clockOf(outcome.session.end, timeZone) },
        };
      }
      case 'runningSessions': {
        const sessions = await this.em.find(
          ParkingSession,
          { permit: permit.id, status: 'running', end: { $gt: this.now } },
          { orderBy: { end: 'asc', id: 'asc' } },
        );
        return {
          kind: 'runningSessions',
          sessions: sessions.map((session) => ({
            sessionId: session.id,
            plate: session.plate,
            country: session.country,
            end: clockOf(session.end, timeZone),
          })),
        };
      }
      case 'stop': {
        const stopped = await this.sessions().stop(request.session.sessionId).catch(refusedBy);
        if ('reason' in stopped) return { kind: 'stop', outcome: stopped };
        const after = await this.em.fork().findOneOrFail(Permit, { id: permit.id });
        await this.audit(permit, 'phone.session.stop', stopped.session.id, {
          stoppedAt: this.now.toISOString(),
        });
        return {
          kind: 'stop',
          outcome: {
            ok: true,
            cost: amount(stopped.session.charge ?? 0),
            balance: amount(after.balance),
          },
        };
      }
    }
  }

  private async checkCredentials(
    signedIn: SignedIn,
    registrationNumber: string,
    pin: string,
    caller: string,
  ): Promise<'ok' | 'wrong' | 'blocked'> {
    const check = await checkRegistrationPin(this.em, this.now, registrationNumber, pin, {
      channel: 'phone',
      id: caller,
    });
    if (check.outcome !== 'ok') return check.outcome;
    // As at the municipal desk: a permit of another town answers as a wrong number would.
    if (this.town !== null && check.permit.municipality.id !== this.town) return 'wrong';
    signedIn.permitId = check.permit.id;
    return 'ok';
  }

  private async plateChoices(permitId: string) {
    const favorites = await this.em.find(
      Favorite,
      { permit: permitId },
      { orderBy: { name: 'asc', plate: 'asc' } },
    );
    const recent = await findRecentPlates(this.em, {
      permitId,
      delegationId: null,
      excludeFavorites: true,
      limit: 9,
    });
    return {
      favorites: favorites.map((f) => ({ plate: f.plate, country: f.country, name: f.name })),
      recent: recent.map((r) => ({ plate: r.plate, country: r.country })),
    };
  }

  /**
   * The caller acts as the permit's holder: the line signed them in with the permit's own
   * registration number and PIN, as its letter's holder. 'system' is the session service's way
   * of acting on a permit without an account (the access check passes, the status check stays).
   */
  private sessions(): SessionService {
    return new SessionService(this.em, 'system', this.now, this.sink);
  }

  /** HHMM keyed: today on the town's clock, or tomorrow when that time has passed. */
  private instantOf(until: ClockTime, timeZone: string): Date {
    return nextInstantAt(this.now, until.hour * 60 + until.minute, timeZone);
  }

  /** An audit entry per session the line started or stopped (docs/rules.md §8). */
  private audit(permit: Permit, action: string, sessionId: string, after: Record<string, string>) {
    return recordForPermitHolder(this.em, this.now, permit, {
      action,
      subjectType: 'parkingSession',
      subjectId: sessionId,
      channel: 'phone',
      after,
    });
  }
}

/** Whether the vehicle register knows a Dutch plate; a register that does not answer is a yes. */
async function plateExists(plate: string): Promise<boolean> {
  try {
    return (await lookUpVehicle(plate)) !== null;
  } catch (error) {
    // The web starts a session without asking the register: its outage must not stop a caller.
    if (error instanceof RegistryUnavailableError) return true;
    throw error;
  }
}

function refusal(decision: { reason: PhoneRefusal['reason']; params?: PhoneRefusal['params'] }) {
  return decision.params
    ? ({ ok: false, reason: decision.reason, params: decision.params } as const)
    : ({ ok: false, reason: decision.reason } as const);
}

/** A typed refusal of the session service (a blocked permit, an ended session) said as such. */
function refusedBy(error: unknown): PhoneRefusal {
  if (error instanceof AppError) return refusal({ reason: error.code, params: error.params });
  throw error;
}

function clockOf(instant: Date, timeZone: string): ClockTime {
  const { minuteOfDay } = wallClockOf(instant, timeZone);
  return { hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 };
}

function quotedEnd(instant: Date, timeZone: string): QuotedEnd {
  return { ...clockOf(instant, timeZone), at: instant.toISOString() };
}
