import type { EntityManager } from '@mikro-orm/core';
import { AppError } from '../../graphql/app-error.js';
import { Account, type Role } from '../../model/account.entity.js';
import { IdentityLink, type IdentifierKind } from '../../model/identity-link.entity.js';
import type { IdentityKind } from '../../model/identity-provider.entity.js';
import { identifierHash } from './identity-hash.js';
import { sealIdentifier } from './identity-seal.js';

/** Who a broker said logged in, already checked (a valid BSN or KvK number). */
export interface ProvenIdentity {
  readonly kind: IdentityKind;
  /** A BSN (DigiD) or KvK number (eHerkenning); hashed here, never stored. */
  readonly identifier: string;
  readonly name: string | null;
  /** Acting for someone else: their BSN or KvK number and name. */
  readonly represented: {
    readonly kind: IdentifierKind;
    readonly identifier: string;
    readonly name: string | null;
  } | null;
}

const identifierKindOf = (kind: IdentityKind): IdentifierKind => (kind === 'digid' ? 'bsn' : 'kvk');
const roleOf = (kind: IdentifierKind): Role => (kind === 'bsn' ? 'resident' : 'business');

/**
 * The account an identifier logs into (docs/rules.md §6): the one linked to its hash, else
 * `linkTo` (a password account signed in when the login started), else a new resident (BSN) or
 * business (KvK number) account without e-mail address.
 */
async function accountOf(
  tx: EntityManager,
  kind: IdentifierKind,
  identifier: string,
  name: string | null,
  now: Date,
  linkTo: string | null,
): Promise<Account> {
  const subjectHash = identifierHash(kind, identifier);
  // A BSN is kept sealed for the population register's later questions (docs/security.md
  // §Identity); a KvK number is public and kept in clear on the account.
  const subjectSealed = kind === 'bsn' ? sealIdentifier(identifier) : null;
  const link = await tx.findOne(IdentityLink, { kind, subjectHash }, { populate: ['account'] });
  let account: Account;
  if (link) {
    if (linkTo && link.account.id !== linkTo) throw new AppError('IDENTITY_ALREADY_LINKED');
    account = link.account;
    // Links made before the seal was kept get it at their next login.
    if (subjectSealed) link.subjectSealed = subjectSealed;
  } else if (linkTo) {
    account = await tx.findOneOrFail(Account, { id: linkTo });
    if (account.role !== roleOf(kind)) throw new AppError('IDENTITY_LINK_NOT_ALLOWED');
    if ((await tx.count(IdentityLink, { account, kind })) > 0) {
      throw new AppError('IDENTITY_ALREADY_LINKED');
    }
    tx.create(IdentityLink, { kind, subjectHash, subjectSealed, account, createdAt: now });
  } else {
    account = tx.create(Account, {
      email: null,
      role: roleOf(kind),
      displayName: name,
      createdAt: now,
    });
    tx.create(IdentityLink, { kind, subjectHash, subjectSealed, account, createdAt: now });
  }
  // A KvK number is public business data: kept in clear, with the company's name as it is now.
  if (kind === 'kvk') {
    account.kvkNumber = identifier;
    if (name) account.displayName = name;
  } else if (name && !account.displayName) {
    account.displayName = name;
  }
  return account;
}

export interface LoginAccounts {
  /** Who logged in: the actor of everything this login does. */
  readonly actor: Account;
  /** DigiD Machtigen / eHerkenning representation: the represented holder. */
  readonly actingFor: Account | null;
  readonly actingForLabel: string | null;
}

/** Finds, links or creates the accounts of a proven login, in the caller's transaction. */
export async function loginAccounts(
  tx: EntityManager,
  identity: ProvenIdentity,
  now: Date,
  linkTo: string | null,
): Promise<LoginAccounts> {
  const actor = await accountOf(
    tx,
    identifierKindOf(identity.kind),
    identity.identifier,
    identity.name,
    now,
    linkTo,
  );
  const represented = identity.represented;
  if (!represented) return { actor, actingFor: null, actingForLabel: null };
  const actingFor = await accountOf(
    tx,
    represented.kind,
    represented.identifier,
    represented.name,
    now,
    null,
  );
  if (actingFor.id === actor.id) return { actor, actingFor: null, actingForLabel: null };
  return {
    actor,
    actingFor,
    actingForLabel: represented.name ?? actingFor.displayName ?? null,
  };
}
