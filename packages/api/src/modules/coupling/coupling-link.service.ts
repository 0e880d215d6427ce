import type { EntityManager } from '@mikro-orm/core';
import type { Language } from '@parkeer/shared/language';
import { AppError } from '../../graphql/app-error.js';
import { accountForLink, withLinkLoginLimits } from '../account/account-from-link.js';
import { Account } from '../../model/account.entity.js';
import { AuthService, normaliseEmail, type IssuedSession } from '../auth/auth.service.js';
import {
  emailLinkLifetime,
  issueEmailToken,
  markEmailTokenUsed,
  publicAppUrl,
  usableEmailToken,
} from '../auth/email-link.js';
import { couplingLinkMail } from '../mail/mail-templates.js';
import { queueMail } from '../mail/mail-outbox.js';
import type { Permit } from '../../model/permit.entity.js';
import { coupleToHolder } from './couple-permit.js';

/**
 * Mails the link that couples a granted product to the account of `email` (made when the link is
 * used, if there is none yet). The token and the mail are persisted by the caller's flush, in
 * the transaction that granted the product. The mail is in the account's language, else Dutch.
 */
export async function sendCouplingLink(
  em: EntityManager,
  permit: Permit,
  email: string,
  now: Date,
): Promise<void> {
  if (permit.holder) throw new AppError('PRODUCT_ALREADY_COUPLED');
  const address = normaliseEmail(email);
  await em.populate(permit, ['productType', 'municipality']);
  const account = await em.findOne(Account, { email: address }, { populate: ['passwordHash'] });
  const language: Language = account?.language ?? 'nl';
  const token = issueEmailToken(em, { purpose: 'coupling', email: address, permit }, now);
  const mail = couplingLinkMail(language, {
    link: `${publicAppUrl()}/product-koppelen?token=${encodeURIComponent(token)}`,
    productName: permit.productType.name[language],
    municipalityName: permit.municipality.name,
    addressLabel: permit.addressLabel,
    validDays: Math.round(emailLinkLifetime.coupling / (24 * 60 * 60_000)),
    accountExists: Boolean(account?.passwordHash),
  });
  queueMail(em, { to: address, ...mail }, now);
}

export interface CouplingLinkFacts {
  readonly permit: Permit;
  readonly email: string;
  readonly accountExists: boolean;
}

export interface AcceptCoupling {
  readonly token: string;
  readonly password: string;
  readonly passwordRepeat?: string | null;
  readonly remember: boolean;
}

export class CouplingLinkService {
  constructor(private readonly em: EntityManager) {}

  /** What the link's page shows before the holder confirms, and which form it needs. */
  async facts(token: string, now: Date): Promise<CouplingLinkFacts> {
    const link = await usableEmailToken(this.em, token, 'coupling', now);
    const permit = link.permit;
    if (!permit) throw new AppError('LINK_INVALID');
    if (permit.holder) throw new AppError('PRODUCT_ALREADY_COUPLED');
    await this.em.populate(permit, ['productType', 'municipality']);
    // An account made without a password (by the municipality) sets one here, like a new one.
    const accountExists =
      (await this.em.count(Account, { email: link.email, passwordHash: { $ne: null } })) > 0;
    return { permit, email: link.email, accountExists };
  }

  /**
   * Couples the product to the link's address: an existing account confirms with its password;
   * otherwise the password is set twice, on a new account or on one that has none yet. Uses the
   * link up and logs in, all in one transaction.
   */
  async accept(
    input: AcceptCoupling,
    now: Date,
    language: Language,
    clientAddress: string,
  ): Promise<IssuedSession> {
    const { email } = await usableEmailToken(this.em, input.token, 'coupling', now);
    return withLinkLoginLimits(this.em, { email, clientAddress, now }, () =>
      this.acceptInTransaction(input, now, language),
    );
  }

  private acceptInTransaction(
    input: AcceptCoupling,
    now: Date,
    language: Language,
  ): Promise<IssuedSession> {
    return this.em.transactional(async (tx) => {
      const link = await usableEmailToken(tx, input.token, 'coupling', now);
      const permit = link.permit;
      if (!permit) throw new AppError('LINK_INVALID');
      if (permit.holder) throw new AppError('PRODUCT_ALREADY_COUPLED');
      const account = await accountForLink(tx, link.email, input, {
        role: permit.holderType === 'business' ? 'business' : 'resident',
        language,
      });
      await markEmailTokenUsed(tx, link, now);
      await coupleToHolder(tx, permit.id, account.id);
      return new AuthService(tx).issue(account, 'cookie', input.remember, now);
    });
  }
}
