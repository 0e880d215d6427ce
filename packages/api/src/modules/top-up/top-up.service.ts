import type { EntityManager } from '@mikro-orm/core';
import {
  capStatusToday,
  decideTopUp,
  topUpOffers,
  type CapStatus,
  type TopUpOffer,
} from '@parkeer/domain/balance/top-up-offers';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import type { Language } from '@parkeer/shared/language';
import type { ErrorCode, MessageParams } from '@parkeer/shared/messages/error-catalogue';
import { AppError } from '../../graphql/app-error.js';
import { Account } from '../../model/account.entity.js';
import type { Viewer } from '../../graphql/viewer.js';
import type { PaymentProvider } from '../payment/payment-provider.js';
import { checkoutProvider, providerNamed } from '../payment/payment-providers.js';
import { topUpResultUrl } from '../payment/payment-result-url.js';
import { Payment } from '../../model/payment.entity.js';
import { permitForViewer } from '../permit/permit-access.js';
import { Permit } from '../../model/permit.entity.js';
import { topUpInputFor } from '../payment/top-up-input.js';
import { displayParams } from './top-up-message.js';
import { logger } from '../../logging/logger.js';

export interface TopUpOffersView {
  readonly permitId: string;
  readonly unit: BalanceUnit | null;
  readonly offers: readonly TopUpOffer[];
  readonly cap: CapStatus | null;
  readonly refusal: { readonly code: ErrorCode; readonly params: MessageParams } | null;
}

export interface StartTopUpCommand {
  readonly permitId: string;
  readonly amount: number;
  readonly idempotencyKey: string;
}

export interface StartedTopUp {
  readonly payment: Payment;
  readonly checkoutUrl: string;
}

/**
 * docs/rules.md §6, "Sign-in with registration number and PIN": such a login tops up only where
 * its town allows it, and only a permit coupled to an account (the payment is its holder's).
 * The gate lets the top-up operations through; this is the policy's one check.
 */
function registrationLoginBar(
  viewer: Viewer,
  permit: Permit,
): { readonly code: ErrorCode; readonly params: MessageParams } | null {
  if (viewer.permitOnly === null) return null;
  if (!permit.municipality.registrationLoginTopUps || !permit.holder) {
    return { code: 'TOP_UP_NOT_WITH_REGISTRATION_LOGIN', params: {} };
  }
  return null;
}

/**
 * Buying balance (docs/rules.md §4): what may be bought now, and starting the payment of one offer. The
 * balance itself changes only when the provider reports the payment paid (PaymentService).
 *
 * A delegate asks through the same door as the owner (permit need 'use') and hears the domain's
 * TOP_UP_DELEGATED_PRODUCT, as a refusal from `offers` and as the error of `start`, so the app
 * can say why instead of a generic "owner only".
 */
export class TopUpService {
  constructor(private readonly em: EntityManager) {}

  async offers(viewer: Viewer, permitId: string, now: Date): Promise<TopUpOffersView> {
    const { permit, delegation } = await permitForViewer(this.em, viewer, permitId, 'use');
    const barred = registrationLoginBar(viewer, permit);
    if (barred) {
      return { permitId: permit.id, unit: null, offers: [], cap: null, refusal: barred };
    }
    const input = await topUpInputFor(this.em, permit, now, delegation !== null);
    if (!input) {
      const code = delegation ? 'TOP_UP_DELEGATED_PRODUCT' : 'TOP_UP_NOT_AVAILABLE';
      return {
        permitId: permit.id,
        unit: null,
        offers: [],
        cap: null,
        refusal: { code, params: {} },
      };
    }
    const outcome = topUpOffers(input);
    const unit = input.policy.unit;
    if (!outcome.ok) {
      const refusal = { code: outcome.reason, params: outcome.params ?? {} };
      // The period's maximum stands whatever the reason (the owner's balance picture shows it);
      // a delegate learns nothing of the owner's purchases.
      const cap = input.isDelegated ? null : capStatusToday(input);
      return { permitId: permit.id, unit, offers: [], cap, refusal };
    }
    return { permitId: permit.id, unit, offers: outcome.offers, cap: outcome.cap, refusal: null };
  }

  /**
   * Opens a payment for one offer. Retries with the key get the first answer before this runs
   * (docs/graphql.md, Idempotency keys); it sees the key again only after a failed first call.
   */
  async start(
    viewer: Viewer,
    command: StartTopUpCommand,
    now: Date,
    language: Language,
  ): Promise<StartedTopUp> {
    const { amount, idempotencyKey } = command;
    const { permit, delegation } = await permitForViewer(this.em, viewer, command.permitId, 'use');
    if (delegation) throw new AppError('TOP_UP_DELEGATED_PRODUCT');
    const barred = registrationLoginBar(viewer, permit);
    if (barred) throw new AppError(barred.code);

    // A first call that made the payment but could not open it at the provider (a failure,
    // or a call that died): its retry opens that payment rather than deciding again.
    const earlier = await this.em.findOne(Payment, { permit: permit.id, idempotencyKey });
    if (earlier) return this.resume(earlier, amount, permit, language);

    const input = await topUpInputFor(this.em, permit, now);
    if (!input) throw new AppError('TOP_UP_NOT_AVAILABLE');
    const decision = decideTopUp({ ...input, amount });
    if (!decision.ok) {
      // Params as the reader sees them (200 u, 1 januari 2027): the error's message is built
      // from them; topUpOffers gives the raw values to programs.
      throw new AppError(decision.reason, displayParams(decision.params ?? {}, language));
    }

    // No provider configured (development without the simulated bank): nothing to pay with.
    const provider = checkoutProvider();
    if (!provider) throw new AppError('PAYMENT_PROVIDER_UNAVAILABLE');
    const unit = this.em.fork();
    const payment = unit.create(Payment, {
      permit: unit.getReference(Permit, permit.id),
      // A registration login has no account: its payment is its permit holder's (who is
      // there: registrationLoginBar refuses a permit without one).
      account: unit.getReference(Account, permit.holder?.id ?? viewer.accountId),
      amount,
      priceCents: decision.offer.priceCents,
      feeCents: decision.offer.feeCents,
      totalCents: decision.offer.totalCents,
      provider: provider.name,
      idempotencyKey,
      byRegistrationLogin: viewer.permitOnly !== null,
      createdAt: now,
    });
    await unit.flush();
    return this.openCheckout(payment, provider, permit, language);
  }

  private async resume(
    payment: Payment,
    amount: number,
    permit: Permit,
    language: Language,
  ): Promise<StartedTopUp> {
    if (payment.amount !== amount) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    if (!payment.providerRef) {
      // Nothing was opened at any provider the first time: open it at the one configured now.
      const provider = checkoutProvider();
      if (!provider) throw new AppError('PAYMENT_PROVIDER_UNAVAILABLE');
      return this.openCheckout(payment, provider, permit, language);
    }
    const provider = providerNamed(payment.provider);
    if (!provider) throw new AppError('PAYMENT_PROVIDER_UNAVAILABLE');
    const checkoutUrl = await this.askProvider(provider, payment, () =>
      provider.checkoutUrlOf(payment.providerRef!),
    );
    // Nothing left to pay at the provider: the result page says how it ended.
    return { payment, checkoutUrl: checkoutUrl ?? topUpResultUrl(payment) };
  }

  /** Opens the payment at the provider; of two retries doing this at once, the first one counts. */
  private async openCheckout(
    payment: Payment,
    provider: PaymentProvider,
    permit: Permit,
    language: Language,
  ): Promise<StartedTopUp> {
    const checkout = await this.askProvider(provider, payment, () =>
      provider.createCheckout({
        paymentId: payment.id,
        totalCents: payment.totalCents,
        // On the bank statement: what and from whom, in the municipality's language.
        description: `Opwaarderen ${permit.productType.name.nl}, ${permit.municipality.name}`,
        redirectUrl: topUpResultUrl(payment),
        language,
        method: payment.method,
      }),
    );
    const stored = await this.em.nativeUpdate(
      Payment,
      { id: payment.id, providerRef: null },
      { providerRef: checkout.providerRef, provider: provider.name },
    );
    if (stored === 1) {
      payment.providerRef = checkout.providerRef;
      payment.provider = provider.name;
      return { payment, checkoutUrl: checkout.checkoutUrl };
    }
    const current = await this.em.fork().findOneOrFail(Payment, payment.id);
    return this.resume(current, current.amount, permit, language);
  }

  /** A provider that fails or does not answer is the resident's PAYMENT_PROVIDER_UNAVAILABLE. */
  private async askProvider<T>(
    provider: PaymentProvider,
    payment: Payment,
    call: () => Promise<T>,
  ): Promise<T> {
    try {
      return await call();
    } catch (error) {
      logger.error(
        { err: error, paymentId: payment.id, provider: provider.name },
        'the payment provider did not open the checkout',
      );
      throw new AppError('PAYMENT_PROVIDER_UNAVAILABLE');
    }
  }
}
