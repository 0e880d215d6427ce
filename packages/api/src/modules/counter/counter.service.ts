import type { EntityManager } from '@mikro-orm/core';
import {
  checkCounterApplication,
  type CounterRefusal,
} from '@parkeer/domain/counter/counter-rules';
import { earlyEndRefundCents } from '@parkeer/domain/counter/counter-refund';
import type { CounterSettings, ReviewCase } from '@parkeer/domain/counter/counter-settings';
import {
  administrationFeeCents,
  endDateOf,
  inRenewalWindow,
  renewalWindow,
  termFrom,
  termPriceCents,
} from '@parkeer/domain/counter/counter-term';
import type { DepartedHolderReason } from '@parkeer/domain/eligibility/departed-holder';
import { checkPermitApplication } from '@parkeer/domain/eligibility/permit-application';
import { parsePlate } from '@parkeer/domain/plate/plate';
import {
  addDays,
  compareLocalDates,
  isLocalDate,
  type LocalDate,
} from '@parkeer/domain/time/local-date';
import { localDateOf, startOfDay } from '@parkeer/domain/time/zoned-time';
import type { HolderType } from '@parkeer/shared/holder-type';
import type { Language } from '@parkeer/shared/language';
import type { ErrorCode, MessageParams } from '@parkeer/shared/messages/error-catalogue';
import { isUuid } from '../../db/uuid.js';
import { AppError } from '../../graphql/app-error.js';
import type { Viewer } from '../../graphql/viewer.js';
import { logger } from '../../logging/logger.js';
import { Account } from '../../model/account.entity.js';
import { Address } from '../../model/address.entity.js';
import { Payment, type PaymentMethod } from '../../model/payment.entity.js';
import { PermitApplication, type ApplicationKind } from '../../model/permit-application.entity.js';
import { PermitDocument } from '../../model/permit-document.entity.js';
import { PermitPlate } from '../../model/permit-plate.entity.js';
import { Permit } from '../../model/permit.entity.js';
import { plateRightKinds } from '@parkeer/domain/product/product-kinds';
import { ProductType } from '../../model/product-type.entity.js';
import { ScheduledJob } from '../../model/scheduled-job.entity.js';
import { actorForAccount } from '../admin/admin-scope.js';
import { recordChange } from '../audit/audit-log.js';
import { endOpenSessions, revokeOpenDelegations } from '../admin-permit/permit-wind-down.js';
import { permitPot } from '../ledger/ledger.js';
import { withPermitTransaction, type ChangeSink } from '../ledger/permit-transaction.js';
import { latestContactEmail } from '../letter/letter-recipient.js';
import { requestLetter } from '../letter/letter-request.js';
import type { PaymentProvider } from '../payment/payment-provider.js';
import { checkoutProvider, providerNamed } from '../payment/payment-providers.js';
import type { RegistryName } from '../registry/registry-names.js';
import { nudgeWaitingLists, waitingListPlace } from '../quota/quota-places.js';
import { applicationPageUrl } from '../payment/payment-result-url.js';
import { loadProductRules } from '../product/product-rules.js';
import type { PermitEvent } from '../session/permit-events.js';
import { counterApplicant } from './counter-actor.js';
import { businessAccountIds } from '../business/business-establishments.js';
import { checkVehicles, permitZones } from '../vehicle/vehicle-check.js';
import { registryFacts } from './counter-registry-facts.js';
import { nudgeResidenceRecheck } from '../../db/job-nudges.js';
import { departedHolderCheck, type DepartedHolderCheck } from '../population/departed-holder.js';
import {
  grantApplication,
  languageOf,
  letterDataOf,
  loadApplication,
  paymentOfApplication,
} from './counter-grant.js';

/** One rule's refusal as the counter answers it. */
export interface RuleRefusal {
  readonly rule: ErrorCode;
  readonly params: MessageParams | null;
}

export interface OfferView {
  readonly productType: ProductType;
  readonly settings: CounterSettings;
  readonly feeCents: number;
  readonly zoneCode: string | null;
  readonly refusals: readonly RuleRefusal[];
}

export interface QuoteView {
  readonly validFrom: Date;
  readonly validUntil: Date | null;
  readonly priceCents: number;
  readonly feeCents: number;
  readonly totalCents: number;
  readonly needsReview: boolean;
  readonly reviewCases: readonly ReviewCase[];
  /** Registries that could not answer now: an official checks what they would have. */
  readonly unansweredRegistries: readonly RegistryName[];
  /** Rules that send it to an official instead of refusing (docs/rules.md §2 departed holder). */
  readonly reviewReasons: readonly DepartedHolderReason[];
}

/** Either what was asked, or every rule that refuses it. */
export type Refusable<T> = { readonly refused: readonly RuleRefusal[] } | { readonly ok: T };

export interface ApplicationView {
  readonly application: PermitApplication;
  readonly payment: Payment | null;
  readonly letters: readonly PermitDocument[];
  readonly documents: readonly PermitDocument[];
  readonly checkoutUrl: string | null;
}

export interface CounterPermitView {
  readonly permit: Permit;
  readonly plates: readonly PermitPlate[];
  readonly settings: CounterSettings;
  readonly renewableFrom: Date | null;
  readonly canRenew: boolean;
  readonly renewalQuote: QuoteView | null;
  readonly canChangePlate: boolean;
  readonly canEnd: boolean;
  readonly refundIfEndedNowCents: number;
  readonly letters: readonly PermitDocument[];
  readonly applications: readonly ApplicationView[];
}

export interface ApplicationForm {
  readonly productTypeCode: string;
  readonly addressKey: string;
  readonly plates: ReadonlyArray<{ readonly plate: string; readonly country?: string | null }>;
  readonly startsOn?: string | null;
  readonly reviewCase?: ReviewCase | null;
  readonly explanation?: string | null;
  readonly documentIds?: readonly string[] | null;
  readonly contactEmail?: string | null;
  /** A business's establishment (KvK vestigingsnummer) at the address (docs/rules.md §2). */
  readonly establishmentNumber?: string | null;
}

export interface Submitted {
  readonly applicationId: string;
  readonly checkoutUrl: string | null;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const openStatuses = ['awaitingPayment', 'awaitingReview'] as const;
const refusal = (rule: ErrorCode, params?: MessageParams): RuleRefusal => ({
  rule,
  params: params ?? null,
});
const refusalsOf = (reasons: readonly CounterRefusal[]): RuleRefusal[] =>
  reasons.map((reason) => refusal(reason.reason, reason.params));

/**
 * The provider that takes a payment of `totalCents`, or null when nothing is paid. Something to
 * pay without a provider is PAYMENT_PROVIDER_UNAVAILABLE before anything is stored.
 */
export function checkoutFor(totalCents: number): PaymentProvider | null {
  if (totalCents <= 0) return null;
  const provider = checkoutProvider();
  if (!provider) throw new AppError('PAYMENT_PROVIDER_UNAVAILABLE');
  return provider;
}

/** An application `fileApplication` stores, and whether it waits rather than being paid now. */
interface Filed {
  readonly application: PermitApplication;
  /** On a waiting list (docs/rules.md §2 quotas): no payment yet, nothing granted. */
  readonly waits?: boolean;
  /** An official decides (docs/rules.md §1 review): a free one is not granted at once. */
  readonly needsReview?: boolean;
}

const holderTypeOfRole = (role: Account['role']): HolderType =>
  role === 'business' ? 'business' : 'resident';

/** Everything an evaluated application needs to be stored. */
interface Evaluated {
  readonly productType: ProductType;
  readonly settings: CounterSettings;
  readonly address: Address;
  readonly quote: QuoteView;
  readonly plates: ReadonlyArray<{ plate: string; country: string }>;
  readonly documents: readonly PermitDocument[];
  readonly holderType: HolderType;
  /** The business's establishment at the address; null for a resident. */
  readonly establishmentNumber: string | null;
  /** Why an official decides beyond the quote's cases (docs/rules.md §2 departed holder). */
  readonly reviewReasons: readonly DepartedHolderReason[];
  /** Holders of the address's place the register no longer has there: re-checked at once. */
  readonly departedHolderIds: readonly string[];
}

/**
 * The permit counter for residents and businesses (docs/rules.md §1, The permit counter): what
 * they may apply for, quotes, applying and paying, and their permits' renewals, plate changes
 * and early ends. The rules decide in the domain; a refusal is an answer listing every rule.
 */
export class CounterService {
  constructor(
    private readonly em: EntityManager,
    private readonly sink: ChangeSink<PermitEvent> | null = null,
  ) {}

  /**
   * Who the permit would be for: the holder's kind, not the actor's. A business's eHerkenning
   * login may act for a person (bewindvoering), whose permit is a resident's (docs/rules.md §6).
   */
  private async holderTypeOf(viewer: Viewer): Promise<HolderType> {
    if (viewer.holderAccountId === viewer.accountId) return holderTypeOfRole(viewer.role);
    const holder = await this.em.findOneOrFail(Account, viewer.holderAccountId);
    return holderTypeOfRole(holder.role);
  }

  /** The address by its key, with its zone and town; null when no town knows it. */
  private async addressOf(addressKey: string): Promise<Address | null> {
    const key = addressKey.trim();
    if (key === '') return null;
    const found = await this.em.find(Address, { key }, { populate: ['zone', 'municipality'] });
    return found.length === 1 ? found[0]! : null;
  }

  /**
   * Permits of a type that count against the limits now: a resident's, those at the address; a
   * business's, those it holds at any of its establishments (docs/rules.md §2 business permits).
   */
  private async existingPermits(
    productTypeId: string,
    addressKey: string,
    now: Date,
    applicant: { readonly holderType: HolderType; readonly holderId: string },
  ) {
    const permits = await this.em.find(Permit, {
      productType: productTypeId,
      ...(applicant.holderType === 'business'
        ? {
            holder: { $in: await businessAccountIds(this.em, applicant.holderId) },
            holderType: 'business' as const,
          }
        : { addressKey }),
      status: { $in: ['active', 'blocked'] },
      $and: [{ $or: [{ validUntil: null }, { validUntil: { $gt: now } }] }],
    });
    return permits.map((permit) => ({
      holderType: permit.holderType,
      addressKey: permit.addressKey,
    }));
  }

  /**
   * docs/rules.md §2 departed holder: the address's one place is taken, in a town that asks the
   * register, and the register says its holder has left (or does not answer). Then an official
   * decides instead of a refusal; null where that is not the case.
   */
  private async departedHolderReview(
    reasons: readonly { readonly reason: string }[],
    holderType: HolderType,
    address: Address,
    productType: ProductType,
    now: Date,
  ): Promise<DepartedHolderCheck | null> {
    if (
      holderType !== 'resident' ||
      productType.municipality.residenceCheck !== 'register' ||
      !reasons.some((reason) => reason.reason === 'ELIGIBILITY_ADDRESS_LIMIT_REACHED')
    ) {
      return null;
    }
    const check = await departedHolderCheck(this.em, address, productType.id, now);
    return check.decision.outcome === 'review' ? check : null;
  }

  /**
   * docs/rules.md §1 (offers): the permit types the town of the address sells at the counter,
   * each available or with the eligibility rules that refuse it now. Without an address, those
   * of every town, judged on who the applicant is only.
   */
  async offers(viewer: Viewer, addressKey: string | null, now: Date): Promise<OfferView[]> {
    const address = addressKey ? await this.addressOf(addressKey) : null;
    if (addressKey && !address) throw new AppError('COUNTER_ADDRESS_UNKNOWN');
    const types = await this.em.find(
      ProductType,
      address ? { municipality: address.municipality.id } : {},
      { populate: ['municipality'], orderBy: { code: 'asc' } },
    );
    const holderType = await this.holderTypeOf(viewer);
    const offers: OfferView[] = [];
    for (const productType of types) {
      const settings = productType.counter;
      if (!settings) continue;
      let refusals: RuleRefusal[] = [];
      if (address) {
        const zone = address.zone;
        const judge = (existingPermits: Awaited<ReturnType<CounterService['existingPermits']>>) =>
          checkPermitApplication({
            product: productType.eligibility,
            applicant: {
              holderType,
              address: { key: address.key, zoneCode: zone?.code ?? null },
              hasPrivateParking: false,
            },
            zone: zone ? { code: zone.code, excludedHolderTypes: zone.excludedHolderTypes } : null,
            existingPermits,
          });
        const existing = await this.existingPermits(productType.id, address.key, now, {
          holderType,
          holderId: viewer.holderAccountId,
        });
        let check = judge(existing);
        // The offer stays open where applying would go to an official rather than be refused.
        if (
          !check.ok &&
          (await this.departedHolderReview(check.reasons, holderType, address, productType, now))
        ) {
          check = judge(existing.filter((permit) => permit.addressKey !== address.key));
        }
        if (!check.ok) refusals = refusalsOf(check.reasons);
      } else if (!productType.eligibility.holderTypes.includes(holderType)) {
        refusals = [
          refusal(
            holderType === 'business'
              ? 'ELIGIBILITY_NOT_FOR_BUSINESSES'
              : 'ELIGIBILITY_NOT_FOR_RESIDENTS',
          ),
        ];
      }
      offers.push({
        productType,
        settings,
        feeCents: administrationFeeCents(settings, productType.municipality.administrationFeeCents),
        zoneCode: address?.zone?.code ?? null,
        refusals,
      });
    }
    return offers;
  }

  /**
   * Judges a form with every rule (eligibility and the counter's own) and prices it; nothing is
   * stored. The documents must be the actor's own uploads, not yet attached.
   */
  private async evaluate(
    viewer: Viewer,
    form: ApplicationForm,
    now: Date,
    language: Language,
  ): Promise<Refusable<Evaluated>> {
    const { actorId } = counterApplicant(viewer);
    const address = await this.addressOf(form.addressKey);
    if (!address) return { refused: [refusal('COUNTER_ADDRESS_UNKNOWN')] };
    const productType = await this.em.findOne(
      ProductType,
      { municipality: address.municipality.id, code: form.productTypeCode.trim() },
      { populate: ['municipality'] },
    );
    const settings = productType?.counter;
    if (!productType || !settings) return { refused: [refusal('COUNTER_NOT_OFFERED')] };

    const documentIds = [...new Set(form.documentIds ?? [])];
    const documents =
      documentIds.length === 0
        ? []
        : documentIds.every(isUuid)
          ? await this.em.find(PermitDocument, {
              id: { $in: documentIds },
              kind: 'upload',
              createdBy: actorId,
              application: null,
            })
          : [];
    if (documents.length !== documentIds.length) {
      return { refused: [refusal('COUNTER_DOCUMENT_UNKNOWN')] };
    }

    const town = address.municipality;
    const zone = address.zone;
    const holderType = await this.holderTypeOf(viewer);
    const judge = (hasPrivateParking: boolean) =>
      checkCounterApplication(
        {
          settings,
          today: localDateOf(now, town.timeZone),
          startsOn: form.startsOn ?? null,
          plates: form.plates,
          reviewCase: form.reviewCase ?? null,
          explanation: form.explanation ?? null,
          documents: documents.map((document) => document.requirement ?? ''),
          language,
        },
        {
          product: productType.eligibility,
          applicant: {
            holderType,
            address: { key: address.key, zoneCode: zone?.code ?? null },
            hasPrivateParking,
          },
          zone: zone ? { code: zone.code, excludedHolderTypes: zone.excludedHolderTypes } : null,
          existingPermits,
        },
      );
    let existingPermits = await this.existingPermits(productType.id, address.key, now, {
      holderType,
      holderId: viewer.holderAccountId,
    });
    let typed = judge(false);
    // A holder who has left does not keep the next household out, but only an official says yes.
    const departed = typed.ok
      ? null
      : await this.departedHolderReview(typed.reasons, holderType, address, productType, now);
    if (departed) {
      existingPermits = existingPermits.filter((permit) => permit.addressKey !== address.key);
      typed = judge(false);
    }
    if (!typed.ok) return { refused: refusalsOf(typed.reasons) };
    // A permit lives in a zone: an address outside every zone has none to give it.
    if (!zone) return { refused: [refusal('ELIGIBILITY_ADDRESS_OUTSIDE_PERMIT_ZONE')] };

    // What the form says passes: now the registries' answers decide (docs/rules.md §2).
    const facts = await registryFacts({
      em: this.em,
      viewer,
      holderType,
      address,
      productType,
      plates: typed.plates.map((plate) => ({ plate: plate.normalised, country: plate.country })),
      establishmentNumber: holderType === 'business' ? (form.establishmentNumber ?? null) : null,
      now,
    });
    const check = facts.hasPrivateParking ? judge(true) : typed;
    const reviewReasons = departed?.decision.outcome === 'review' ? [departed.decision.reason] : [];
    const unanswered: RegistryName[] = reviewReasons.includes('registerUnanswered')
      ? [...new Set([...facts.unanswered, 'brp' as const])]
      : [...facts.unanswered];
    const refused = [...(check.ok ? [] : refusalsOf(check.reasons)), ...facts.refusals];
    if (!check.ok || refused.length > 0) return { refused };

    const term = termFrom(check.startsOn, settings, town.timeZone);
    const priceCents = termPriceCents(term, settings);
    const feeCents = administrationFeeCents(settings, town.administrationFeeCents);
    return {
      ok: {
        productType,
        settings,
        address,
        documents,
        holderType,
        establishmentNumber: facts.establishmentNumber,
        reviewReasons,
        departedHolderIds: departed?.holderIds ?? [],
        plates: check.plates.map((plate) => ({ plate: plate.normalised, country: plate.country })),
        quote: {
          validFrom: new Date(Math.max(now.getTime(), term.validFrom.getTime())),
          validUntil: term.validUntil,
          priceCents,
          feeCents,
          totalCents: priceCents + feeCents,
          needsReview: check.needsReview || unanswered.length > 0 || reviewReasons.length > 0,
          reviewCases: check.reviewCases,
          unansweredRegistries: unanswered,
          reviewReasons,
        },
      },
    };
  }

  async quote(
    viewer: Viewer,
    form: ApplicationForm,
    now: Date,
    language: Language,
  ): Promise<Refusable<QuoteView>> {
    const evaluated = await this.evaluate(viewer, form, now, language);
    return 'refused' in evaluated ? evaluated : { ok: evaluated.ok.quote };
  }

  /**
   * docs/rules.md §1 (apply): stores an application the rules accept with its payment and opens
   * the provider's checkout; a free one is granted at once (or waits for review). Retries with
   * the key get the first answer before this runs; it sees the key again only after a first
   * call failed, and then opens the payment that call stored rather than deciding again.
   */
  async apply(
    viewer: Viewer,
    form: ApplicationForm,
    idempotencyKey: string,
    now: Date,
    language: Language,
    method: PaymentMethod = 'ideal',
  ): Promise<Refusable<Submitted>> {
    const { applicantId, actorId } = counterApplicant(viewer);
    const earlier = await this.resumed(applicantId, idempotencyKey, 'new', language);
    if (earlier) return { ok: earlier };

    const evaluated = await this.evaluate(viewer, form, now, language);
    if ('refused' in evaluated) return evaluated;
    const {
      productType,
      address,
      quote,
      plates,
      documents,
      holderType,
      establishmentNumber,
      reviewReasons,
      departedHolderIds,
    } = evaluated.ok;
    const applicant = await this.em.findOneOrFail(Account, applicantId);
    const contactEmail = (form.contactEmail ?? '').trim().toLowerCase() || (applicant.email ?? '');
    if (contactEmail.length > 254 || !emailPattern.test(contactEmail)) {
      return { refused: [refusal('COUNTER_CONTACT_EMAIL_REQUIRED')] };
    }
    const provider = checkoutFor(quote.totalCents);

    const submitted = await this.fileApplication(
      'new',
      { provider, method },
      actorId,
      now,
      language,
      async (tx) => {
        // docs/rules.md §2 quotas: a full quota puts it on the waiting list, unpaid.
        const waiting = address.zone
          ? await waitingListPlace(
              tx,
              { zoneId: address.zone.id, productTypeId: productType.id },
              now,
            )
          : null;
        const application = tx.create(PermitApplication, {
          municipality: address.municipality.id,
          productType: productType.id,
          kind: 'new',
          zone: address.zone?.id ?? null,
          permit: null,
          applicant: applicantId,
          actor: actorId,
          holderType,
          addressKey: address.key,
          addressLabel: address.label,
          establishmentNumber,
          plates: [...plates],
          validFrom: quote.validFrom,
          validUntil: quote.validUntil,
          priceCents: quote.priceCents,
          feeCents: quote.feeCents,
          totalCents: quote.totalCents,
          status: waiting
            ? 'waitlisted'
            : quote.totalCents > 0
              ? 'awaitingPayment'
              : 'awaitingReview',
          waitlistRank: waiting?.rank ?? null,
          reviewCases: [...quote.reviewCases],
          unansweredRegistries: [...quote.unansweredRegistries],
          reviewReasons: [...reviewReasons],
          explanation: (form.explanation ?? '').trim() || null,
          contactEmail,
          language,
          idempotencyKey,
          createdAt: now,
        });
        for (const document of documents) {
          tx.assign(tx.merge(document), { application: application.id });
        }
        // docs/rules.md §2 departed holder: the holder's permit goes to the moving re-check now.
        if (departedHolderIds.length > 0) await nudgeResidenceRecheck(tx, now);
        return { application, waits: waiting !== null, needsReview: quote.needsReview };
      },
    );
    return { ok: submitted };
  }

  /**
   * The steps every counter application shares once the rules accept it (a new permit, a
   * renewal, a plate change): in one transaction, `create` stores the application, its payment
   * is stored when there is something to pay and it does not wait, and a free one that waits for
   * nobody is granted at once; then the answer a retry would get (the checkout opened).
   */
  private async fileApplication(
    kind: ApplicationKind,
    { provider, method }: { provider: PaymentProvider | null; method: PaymentMethod },
    actorId: string,
    now: Date,
    language: Language,
    create: (tx: EntityManager) => Promise<Filed> | Filed,
  ): Promise<Submitted> {
    const applicationId = await this.em.transactional(async (tx) => {
      const { application, waits = false, needsReview = false } = await create(tx);
      if (provider && !waits) {
        this.createPayment(tx, application, provider, actorId, now, method);
      }
      await tx.flush();
      if (!provider && !waits && !needsReview) {
        await grantApplication(tx, application.id, { at: now, decidedById: null });
      }
      return application.id;
    });
    const stored = await this.em.fork().findOneOrFail(PermitApplication, applicationId);
    return this.resume(stored, kind, language);
  }

  /** The payment of an application, opened at the provider by `resume`. */
  createPayment(
    tx: EntityManager,
    application: PermitApplication,
    provider: PaymentProvider,
    payerId: string,
    now: Date,
    method: PaymentMethod = 'ideal',
  ): Payment {
    return tx.create(Payment, {
      purpose: 'permitApplication',
      permit: application.permit ?? null,
      application,
      account: payerId,
      amount: 0,
      priceCents: application.priceCents,
      feeCents: application.feeCents,
      totalCents: application.totalCents,
      provider: provider.name,
      method,
      idempotencyKey: `application:${application.id}`,
      createdAt: now,
    });
  }

  /**
   * The answer of an earlier call with this key, whose claim (modules/idempotency) has expired:
   * the application it made is the backstop, so a late retry never files a second one.
   */
  private async resumed(
    applicantId: string,
    idempotencyKey: string,
    kind: ApplicationKind,
    language: Language,
  ): Promise<Submitted | null> {
    const earlier = await this.em.findOne(PermitApplication, {
      applicant: applicantId,
      idempotencyKey,
    });
    return earlier ? this.resume(earlier, kind, language) : null;
  }

  /**
   * The answer for a stored application: its checkout, opened at the provider now if the first
   * call could not (of two retries doing this at once, the first one's checkout counts).
   */
  async resume(
    application: PermitApplication,
    kind: ApplicationKind,
    language: Language,
  ): Promise<Submitted> {
    if (application.kind !== kind) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    const em = this.em.fork();
    const payment = await paymentOfApplication(em, application.id);
    if (!payment || application.status !== 'awaitingPayment' || payment.status !== 'open') {
      return { applicationId: application.id, checkoutUrl: null };
    }
    if (payment.providerRef) {
      const provider = providerNamed(payment.provider);
      if (!provider) throw new AppError('PAYMENT_PROVIDER_UNAVAILABLE');
      const url = await this.askProvider(payment, () =>
        provider.checkoutUrlOf(payment.providerRef!),
      );
      return { applicationId: application.id, checkoutUrl: url };
    }
    const provider = checkoutProvider();
    if (!provider) throw new AppError('PAYMENT_PROVIDER_UNAVAILABLE');
    const full = await loadApplication(em, application.id);
    const checkout = await this.askProvider(payment, () =>
      provider.createCheckout({
        paymentId: payment.id,
        totalCents: payment.totalCents,
        // On the bank statement: what and from whom, in the municipality's language.
        description: `${full.productType.name.nl}, ${full.municipality.name}`,
        redirectUrl: applicationPageUrl(application.id),
        language,
        method: payment.method,
      }),
    );
    const stored = await em.nativeUpdate(
      Payment,
      { id: payment.id, providerRef: null },
      { providerRef: checkout.providerRef, provider: provider.name },
    );
    if (stored === 1) return { applicationId: application.id, checkoutUrl: checkout.checkoutUrl };
    return this.resume(application, kind, language);
  }

  /** A provider that fails or does not answer is PAYMENT_PROVIDER_UNAVAILABLE. */
  private async askProvider<T>(payment: Payment, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      logger.error(
        { err: error, paymentId: payment.id, provider: payment.provider },
        'the payment provider did not open the checkout',
      );
      throw new AppError('PAYMENT_PROVIDER_UNAVAILABLE');
    }
  }

  /** An application with its payment, letters and documents. */
  async viewOf(application: PermitApplication): Promise<ApplicationView> {
    const em = this.em;
    const [payment, files] = await Promise.all([
      paymentOfApplication(em, application.id),
      em.find(
        PermitDocument,
        { application: application.id },
        { orderBy: { createdAt: 'desc', id: 'asc' } },
      ),
    ]);
    let checkoutUrl: string | null = null;
    if (application.status === 'awaitingPayment' && payment?.status === 'open') {
      const provider = payment.providerRef ? providerNamed(payment.provider) : null;
      checkoutUrl = provider
        ? await provider.checkoutUrlOf(payment.providerRef!).catch(() => null)
        : null;
    }
    return {
      application,
      payment,
      letters: files.filter((file) => file.kind === 'letter'),
      documents: files.filter((file) => file.kind === 'upload'),
      checkoutUrl,
    };
  }

  /**
   * The viewer's application, found through the holder (the login's own account, or the one it
   * acts for), never through who filled it in: acting for one person shows nothing of another's
   * (docs/rules.md §6, acting for someone else). Anyone else's is NOT_FOUND.
   */
  async application(viewer: Viewer, id: string): Promise<ApplicationView> {
    if (!isUuid(id)) throw new AppError('NOT_FOUND');
    const { applicantId } = counterApplicant(viewer);
    const application = await this.em.findOne(
      PermitApplication,
      { id, applicant: applicantId },
      { populate: ['productType', 'zone', 'municipality'] },
    );
    if (!application) throw new AppError('NOT_FOUND');
    return this.viewOf(application);
  }

  async myApplications(viewer: Viewer): Promise<ApplicationView[]> {
    const { applicantId } = counterApplicant(viewer);
    const applications = await this.em.find(
      PermitApplication,
      { applicant: applicantId },
      { populate: ['productType', 'zone', 'municipality'], orderBy: { createdAt: 'desc' } },
    );
    return Promise.all(applications.map((application) => this.viewOf(application)));
  }

  /** The viewer's own permit of a counter product; anyone else's is NOT_FOUND. */
  private async ownCounterPermit(viewer: Viewer, permitId: string): Promise<Permit> {
    if (!isUuid(permitId)) throw new AppError('NOT_FOUND');
    const { applicantId } = counterApplicant(viewer);
    const permit = await this.em.findOne(
      Permit,
      { id: permitId, holder: applicantId },
      { populate: ['productType', 'zone', 'municipality'], refresh: true },
    );
    if (!permit || !permit.productType.counter) throw new AppError('NOT_FOUND');
    return permit;
  }

  /**
   * The granted applications that bought the permit's terms (the new permit and its renewals)
   * with their payments, the latest first: what an early end refunds from.
   */
  private async boughtTerms(permit: Permit) {
    const applications = await this.em.find(
      PermitApplication,
      { permit: permit.id, kind: { $in: ['new', 'renewal'] }, status: 'granted' },
      { orderBy: { validFrom: 'desc', createdAt: 'desc' } },
    );
    return Promise.all(
      applications.map(async (application) => ({
        application,
        payment: await paymentOfApplication(this.em, application.id),
      })),
    );
  }

  /**
   * What ending the permit on `endsOn` (the first day it no longer covers) pays back, per
   * payment: the unused part of each term bought (a renewal not yet started whole), by the
   * product's pro-rata rule. A payment refunded before gives nothing again.
   */
  private async refundsFor(permit: Permit, settings: CounterSettings, endsOn: LocalDate) {
    const zone = permit.municipality.timeZone;
    const refunds: { readonly paymentId: string; readonly cents: number }[] = [];
    for (const { application, payment } of await this.boughtTerms(permit)) {
      if (!payment || payment.status !== 'paid' || !application.validUntil) continue;
      const cents = earlyEndRefundCents({
        rule: settings.proRataRefund,
        term: {
          startsOn: localDateOf(application.validFrom, zone),
          endsOn: endDateOf(application.validUntil, zone),
        },
        endsOn,
        paidCents: Math.min(application.priceCents, payment.totalCents),
      });
      if (cents > 0) refunds.push({ paymentId: payment.id, cents });
    }
    return {
      refunds,
      cents: refunds.reduce((sum, refund) => sum + refund.cents, 0),
    };
  }

  private async pendingChange(permitId: string): Promise<PermitApplication | null> {
    return this.em.findOne(PermitApplication, {
      permit: permitId,
      status: { $in: [...openStatuses] },
    });
  }

  async counterPermit(viewer: Viewer, permitId: string, now: Date): Promise<CounterPermitView> {
    return this.permitView(await this.ownCounterPermit(viewer, permitId), now);
  }

  async counterPermits(viewer: Viewer, now: Date): Promise<CounterPermitView[]> {
    const { applicantId } = counterApplicant(viewer);
    const permits = await this.em.find(
      Permit,
      { holder: applicantId },
      { populate: ['productType', 'zone', 'municipality'], orderBy: { createdAt: 'desc' } },
    );
    return Promise.all(
      permits
        .filter((permit) => permit.productType.counter)
        .map((permit) => this.permitView(permit, now)),
    );
  }

  /** docs/rules.md §1 (renewal window): the renewal's quote and window of a permit. */
  private renewal(permit: Permit, settings: CounterSettings, now: Date) {
    if (!permit.validUntil || permit.status !== 'active') return null;
    const town = permit.municipality;
    const window = renewalWindow(permit.validUntil, settings, town.timeZone);
    const priceCents = termPriceCents(window.next, { ...settings });
    const feeCents = administrationFeeCents(settings, town.administrationFeeCents);
    const quote: QuoteView = {
      // From the current end itself, so not a second is lost (also when it is not a midnight).
      validFrom: permit.validUntil,
      validUntil: window.next.validUntil,
      priceCents,
      feeCents,
      totalCents: priceCents + feeCents,
      needsReview: false,
      reviewCases: [],
      unansweredRegistries: [],
      reviewReasons: [],
    };
    return { window, quote, open: inRenewalWindow(now, permit.validUntil, window) };
  }

  private async permitView(permit: Permit, now: Date): Promise<CounterPermitView> {
    const settings = permit.productType.counter!;
    const town = permit.municipality;
    const [plates, files, applications, pending] = await Promise.all([
      this.em.find(PermitPlate, { permit: permit.id }, { orderBy: { plate: 'asc' } }),
      this.em.find(
        PermitDocument,
        { permit: permit.id, kind: 'letter' },
        { orderBy: { createdAt: 'desc', id: 'asc' } },
      ),
      this.em.find(
        PermitApplication,
        { permit: permit.id },
        { populate: ['productType', 'zone', 'municipality'], orderBy: { createdAt: 'desc' } },
      ),
      this.pendingChange(permit.id),
    ]);
    const active = permit.status === 'active' && (!permit.validUntil || permit.validUntil > now);
    const renewal = this.renewal(permit, settings, now);
    const refund = active
      ? await this.refundsFor(permit, settings, addDays(localDateOf(now, town.timeZone), 1))
      : { cents: 0 };
    return {
      permit,
      plates: [...plates].sort((a, b) => Number(b.active) - Number(a.active)),
      settings,
      renewableFrom: renewal?.window.opensAt ?? null,
      canRenew: Boolean(active && renewal?.open && !pending),
      renewalQuote: renewal?.quote ?? null,
      canChangePlate: active && !pending && plateRightKinds.includes(permit.productType.kind),
      canEnd: active,
      refundIfEndedNowCents: refund.cents,
      letters: files,
      applications: await Promise.all(applications.map((application) => this.viewOf(application))),
    };
  }

  /**
   * How a renewal and a plate change begin: a retry with the key gets the first answer (the
   * application it stored); otherwise the viewer's own counter permit, NOT_FOUND for another's.
   */
  private async startChange(
    viewer: Viewer,
    permitId: string,
    idempotencyKey: string,
    kind: 'renewal' | 'plateChange',
    language: Language,
  ): Promise<{ readonly ok: Submitted } | { readonly permit: Permit }> {
    const { applicantId } = counterApplicant(viewer);
    const earlier = await this.resumed(applicantId, idempotencyKey, kind, language);
    if (earlier) return { ok: earlier };
    return { permit: await this.ownCounterPermit(viewer, permitId) };
  }

  /**
   * Stores a renewal or plate change of a permit and opens its payment; without anything to pay
   * it takes effect at once.
   */
  private async submitChange(
    viewer: Viewer,
    permit: Permit,
    change: {
      readonly kind: 'renewal' | 'plateChange';
      readonly plates: ReadonlyArray<{ plate: string; country: string }>;
      readonly validFrom: Date;
      readonly validUntil: Date | null;
      readonly priceCents: number;
      readonly feeCents: number;
    },
    idempotencyKey: string,
    now: Date,
    language: Language,
    method: PaymentMethod,
  ): Promise<Submitted> {
    const { applicantId, actorId } = counterApplicant(viewer);
    const totalCents = change.priceCents + change.feeCents;
    const provider = checkoutFor(totalCents);
    const applicant = await this.em.findOneOrFail(Account, applicantId);
    // An account a DigiD login made has no e-mail address: its letters go where it asked.
    const contactEmail = applicant.email ?? (await latestContactEmail(this.em, permit.id));
    return this.fileApplication(
      change.kind,
      { provider, method },
      actorId,
      now,
      language,
      (tx) => ({
        application: tx.create(PermitApplication, {
          municipality: permit.municipality.id,
          productType: permit.productType.id,
          kind: change.kind,
          zone: permit.zone.id,
          permit: permit.id,
          applicant: applicantId,
          actor: actorId,
          holderType: permit.holderType,
          addressKey: permit.addressKey,
          addressLabel: permit.addressLabel,
          plates: [...change.plates],
          validFrom: change.validFrom,
          validUntil: change.validUntil,
          priceCents: change.priceCents,
          feeCents: change.feeCents,
          totalCents,
          status: 'awaitingPayment',
          contactEmail,
          language,
          idempotencyKey,
          createdAt: now,
        }),
      }),
    );
  }

  /** docs/rules.md §1 (renewal): the next whole term, paid, bought within the renewal window. */
  async renew(
    viewer: Viewer,
    permitId: string,
    idempotencyKey: string,
    now: Date,
    language: Language,
    method: PaymentMethod = 'ideal',
  ): Promise<Refusable<Submitted>> {
    const started = await this.startChange(viewer, permitId, idempotencyKey, 'renewal', language);
    if ('ok' in started) return started;
    const { permit } = started;
    const settings = permit.productType.counter!;
    const renewal = this.renewal(permit, settings, now);
    if (!renewal || (permit.validUntil && permit.validUntil <= now)) {
      return { refused: [refusal('COUNTER_RENEWAL_NOT_POSSIBLE')] };
    }
    if (!renewal.open) {
      return { refused: [refusal('COUNTER_RENEWAL_NOT_YET', { from: renewal.window.opensOn })] };
    }
    if (await this.pendingChange(permit.id)) {
      return { refused: [refusal('COUNTER_CHANGE_PENDING')] };
    }
    const plates = await this.em.find(PermitPlate, { permit: permit.id });
    const submitted = await this.submitChange(
      viewer,
      permit,
      {
        kind: 'renewal',
        plates: plates
          .sort((a, b) => Number(b.active) - Number(a.active))
          .map(({ plate, country }) => ({ plate, country })),
        validFrom: renewal.quote.validFrom,
        validUntil: renewal.quote.validUntil,
        priceCents: renewal.quote.priceCents,
        feeCents: renewal.quote.feeCents,
      },
      idempotencyKey,
      now,
      language,
      method,
    );
    return { ok: submitted };
  }

  /**
   * docs/rules.md §1 (plate change): another plate on a permit whose right is its plate. With a
   * fee it is a paid application; free, it takes effect at once. Either way the old plate's
   * right ends the moment the new one's starts.
   */
  async changePlate(
    viewer: Viewer,
    permitId: string,
    typed: { readonly plate: string; readonly country?: string | null },
    idempotencyKey: string,
    now: Date,
    language: Language,
    method: PaymentMethod = 'ideal',
  ): Promise<Refusable<Submitted>> {
    const started = await this.startChange(
      viewer,
      permitId,
      idempotencyKey,
      'plateChange',
      language,
    );
    if ('ok' in started) return started;
    const { permit } = started;
    const settings = permit.productType.counter!;
    if (permit.status !== 'active' || (permit.validUntil && permit.validUntil <= now)) {
      return { refused: [refusal('COUNTER_PERMIT_NOT_ACTIVE')] };
    }
    if (!plateRightKinds.includes(permit.productType.kind)) {
      return { refused: [refusal('PERMIT_HAS_NO_PLATE')] };
    }
    const parsed = parsePlate(typed.plate, typed.country ?? undefined);
    if (!parsed.ok) {
      return { refused: [refusal('COUNTER_PLATE_INVALID', { plate: typed.plate.trim() })] };
    }
    const active = await this.em.findOne(PermitPlate, {
      permit: permit.id,
      activeSlot: { $ne: null },
    });
    if (active?.plate === parsed.plate.normalised && active.country === parsed.plate.country) {
      return { refused: [refusal('COUNTER_PLATE_UNCHANGED')] };
    }
    if (await this.pendingChange(permit.id)) {
      return { refused: [refusal('COUNTER_CHANGE_PENDING')] };
    }
    // The new vehicle is judged as at the application (docs/rules.md §2 vehicle check); a plate
    // change has no review, so an unanswered register is a "not now", never a yes.
    const vehicle = await checkVehicles({
      eligibility: permit.productType.eligibility,
      zones: await permitZones(this.em, permit.productType, permit.zone),
      plates: [{ plate: parsed.plate.normalised, country: parsed.plate.country }],
    });
    if (vehicle.refusals?.length) return { refused: vehicle.refusals };
    if (vehicle.unanswered?.length) {
      return { refused: [refusal('ELIGIBILITY_VEHICLE_REGISTRY_UNANSWERED')] };
    }
    const submitted = await this.submitChange(
      viewer,
      permit,
      {
        kind: 'plateChange',
        plates: [{ plate: parsed.plate.normalised, country: parsed.plate.country }],
        validFrom: now,
        validUntil: permit.validUntil ?? null,
        priceCents: settings.plateChangeFeeCents,
        feeCents: 0,
      },
      idempotencyKey,
      now,
      language,
      method,
    );
    return { ok: submitted };
  }

  /**
   * docs/rules.md §1 (early end): ends a permit now or from a later day. Now: its open sessions
   * end, delegations return, the right and the address's place go at once (status ended). A
   * later day: the permit runs until that day's start. The unused part of the current term's
   * price is paid back per the product's pro-rata rule, through the provider, on the payment
   * that bought the term; the fee is not. A ledger row `permitRefund` (negative money), the
   * `ended` letter and an audit entry, all in one transaction.
   */
  async end(
    viewer: Viewer,
    permitId: string,
    endsOnTyped: string | null,
    now: Date,
  ): Promise<Refusable<{ readonly permitId: string; readonly refundCents: number }>> {
    const permit = await this.ownCounterPermit(viewer, permitId);
    const settings = permit.productType.counter!;
    const town = permit.municipality;
    const today = localDateOf(now, town.timeZone);
    const until = permit.validUntil ? endDateOf(permit.validUntil, town.timeZone) : null;
    if (permit.status !== 'active' || (permit.validUntil && permit.validUntil <= now)) {
      return { refused: [refusal('COUNTER_PERMIT_NOT_ACTIVE')] };
    }
    const typed = (endsOnTyped ?? '').trim();
    const endsOn = typed === '' ? today : typed;
    if (
      !isLocalDate(endsOn) ||
      compareLocalDates(endsOn, today) < 0 ||
      (until !== null && compareLocalDates(endsOn, until) >= 0)
    ) {
      return {
        refused: [refusal('COUNTER_END_DATE_INVALID', { until: until ?? '' })],
      };
    }
    const immediately = compareLocalDates(endsOn, today) === 0;
    // Ended now, today has been used: the refund counts from tomorrow.
    const firstUnused = immediately ? addDays(today, 1) : endsOn;
    const { cents: refundCents, refunds } = await this.refundsFor(permit, settings, firstUnused);
    const [latest] = await this.boughtTerms(permit);
    const { actorId } = counterApplicant(viewer);
    await withPermitTransaction<void, PermitEvent>(
      this.em,
      permit.id,
      now,
      async (unit) => {
        const { tx } = unit;
        const locked = await tx.findOneOrFail(
          Permit,
          { id: permit.id },
          { populate: ['productType', 'zone', 'municipality'], refresh: true },
        );
        if (locked.status !== 'active') throw new AppError('COUNTER_PERMIT_NOT_ACTIVE');
        // Loaded before any change: loading refreshes the permit it refers to.
        const application = latest ? await loadApplication(tx, latest.application.id) : null;
        const before = { status: locked.status, validUntil: locked.validUntil };
        if (immediately) {
          // A product with sessions (a visitor permit) ends them as the holder would.
          if (locked.productType.sessionPolicy) {
            const rules = await loadProductRules(tx, locked);
            await endOpenSessions(unit, rules, actorId, now);
          }
          await revokeOpenDelegations(unit, actorId, now);
          locked.status = 'ended';
          locked.validUntil = now;
          locked.addressSlot = null;
          // Its place under the zone's quota is free: the first in line need not wait.
          await nudgeWaitingLists(tx, now);
        } else {
          locked.validUntil = startOfDay(endsOn, town.timeZone);
        }
        for (const refund of refunds) {
          const payment = await tx.findOneOrFail(Payment, refund.paymentId);
          payment.status = 'refunded';
          payment.refundReason = 'permitEnded';
          payment.refundCents = refund.cents;
          tx.create(ScheduledJob, { kind: 'refundPayment', subject: payment.id, runAt: now });
          await unit.ledger.post(permitPot, {
            kind: 'permitRefund',
            amount: 0,
            moneyCents: -refund.cents,
            paymentId: payment.id,
            idempotencyKey: `end:${locked.id}:${payment.id}`,
            createdById: actorId,
            at: now,
          });
        }
        if (application) {
          requestLetter(tx, {
            kind: 'ended',
            municipalityId: town.id,
            permitId: locked.id,
            applicationId: null,
            data: {
              ...letterDataOf(application, locked, { refundCents }),
              validUntil: locked.validUntil!.toISOString(),
              reference: locked.productCode,
            },
            mailTo: application.contactEmail ?? application.applicant.email,
            createdById: actorId,
            at: now,
          });
        }
        recordChange(tx, actorForAccount(actorId, now), {
          action: 'permit.end',
          subjectType: 'permit',
          subjectId: locked.id,
          subjectLabel: locked.productCode,
          municipalityId: town.id,
          before,
          after: {
            status: locked.status,
            validUntil: locked.validUntil,
            refundCents,
            language: application ? languageOf(application) : null,
          },
        });
        await tx.flush();
      },
      { clear: true, sink: this.sink },
    );
    return { ok: { permitId: permit.id, refundCents } };
  }
}
