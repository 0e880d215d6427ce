import type { EntityManager } from '@mikro-orm/core';
import {
  newPhoneCall,
  phoneTurn,
  type PhoneAnswer,
  type PhoneCall as PhoneDialogue,
  type PhoneRefusal,
  type PhoneRequest,
  type PhoneStep,
  type QuotedEnd,
} from '@parkeer/domain/phone/phone-dialogue';
import type { ClockTime, SpokenAmount } from '@parkeer/domain/phone/phone-prompts';
import { localDateOf, instantAt, wallClockOf } from '@parkeer/domain/time/zoned-time';
import type { Language } from '@parkeer/shared/language';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { AppError } from '../../graphql/app-error.js';
import { logger } from '../../logging/logger.js';
import { Account } from '../../model/account.entity.js';
import { AuditEntry } from '../../model/audit-entry.entity.js';
import { Favorite } from '../../model/favorite.entity.js';
import { Municipality } from '../../model/municipality.entity.js';
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
  ) {}

  /** One webhook of call `callId` from `caller` (the number, or '' when withheld). */
  async turn(callId: string, event: PhoneWebhookEvent, caller: string): Promise<PhoneTurnResult> {
    let row = await this.em.findOne(PhoneCall, { callId });
    if (!row) {
      if (event.type === 'hangUp') {
        return { step: { call: newPhoneCall(), say: [], next: { kind: 'ended' } }, language: 'nl' };
      }
      // Calls the provider never ended go with the next new one.
      await this.em.nativeDelete(PhoneCall, { expiresAt: { $lt: this.now } });
      row = this.em.create(PhoneCall, {
        callId,
        state: newPhoneCall(),
        permitId: null,
        createdAt: this.now,
        updatedAt: this.now,
        expiresAt: new Date(this.now.getTime() + phoneCallLifetimeMs),
      });
    }
    const expired = row.expiresAt <= this.now;
    const dialogue = row.state as PhoneDialogue;
    const dialogueEvent =
      event.type === 'hangUp' || expired
        ? ({ type: 'hangUp' } as const)
        : dialogue.phase.at === 'new'
          ? ({ type: 'callStarted', language: suggestedLanguage(caller) } as const)
          : event.type === 'noInput'
            ? ({ type: 'noInput' } as const)
            : ({ type: 'digits', digits: event.digits ?? '' } as const);
    const current = row;
    const step = await phoneTurn(dialogue, dialogueEvent, (request) =>
      this.answer(request, current, caller),
    );
    row.state = step.call;
    row.updatedAt = this.now;
    if (!expired) row.expiresAt = new Date(this.now.getTime() + phoneCallLifetimeMs);
    await this.em.flush();
    return { step, language: step.call.language };
  }

  private async answer(
    request: PhoneRequest,
    row: PhoneCall,
    caller: string,
  ): Promise<PhoneAnswer> {
    if (request.kind === 'checkCredentials') {
      return {
        kind: 'checkCredentials',
        outcome: await this.checkCredentials(row, request.registrationNumber, request.pin, caller),
      };
    }
    // The dialogue asks nothing else before a sign-in; the check keeps a forged state harmless.
    if (!row.permitId) throw new Error('The phone line asked for a permit before the sign-in');
    const permit = await this.em.findOneOrFail(
      Permit,
      { id: row.permitId },
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
          channel: 'phone',
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
          channel: 'phone',
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
    row: PhoneCall,
    registrationNumber: string,
    pin: string,
    caller: string,
  ): Promise<'ok' | 'wrong' | 'blocked'> {
    const check = await checkRegistrationPin(this.em, this.now, registrationNumber, pin, {
      channel: 'phone',
      id: caller,
    });
    if (check.outcome !== 'ok') return check.outcome;
    row.permitId = check.permit.id;
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

  /** HHMM keyed today in the town's zone; a time already past is tomorrow's. */
  private instantOf(until: ClockTime, timeZone: string): Date {
    const today = localDateOf(this.now, timeZone);
    const at = instantAt(today, until.hour * 60 + until.minute, timeZone);
    if (at > this.now) return at;
    const tomorrow = localDateOf(new Date(this.now.getTime() + 24 * 60 * 60_000), timeZone);
    return instantAt(tomorrow, until.hour * 60 + until.minute, timeZone);
  }

  /**
   * An audit entry per session the line started or stopped, with the channel (docs/rules.md §8).
   * The entry's actor is the permit's holder; a permit without an account has none to name, so
   * its phone actions are logged only (the session itself keeps channel 'phone').
   */
  private async audit(
    permit: Permit,
    action: string,
    sessionId: string,
    after: Record<string, string>,
  ): Promise<void> {
    const holderId = permit.holder?.id;
    if (!holderId) {
      logger.info({ action, sessionId, permitId: permit.id, channel: 'phone' }, 'phone line');
      return;
    }
    this.em.create(AuditEntry, {
      municipality: this.em.getReference(Municipality, permit.municipality.id),
      actor: this.em.getReference(Account, holderId),
      at: this.now,
      action,
      subjectType: 'parkingSession',
      subjectId: sessionId,
      subjectLabel: permit.productCode,
      before: null,
      after,
    });
    await this.em.flush();
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
