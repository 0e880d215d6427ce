import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { config } from '../../config/config.js';
import { demoPassword } from './demo-password.js';
import { AppError } from '../../graphql/app-error.js';
import type { Language } from '@parkeer/shared/language';
import { Account, type Role } from '../../model/account.entity.js';
import type { Permit } from '../../model/permit.entity.js';
import { attemptLimits } from '../rate-limit/attempt-limits.js';
import {
  AuthSession,
  type AuthSessionKind,
  type SignInMethod,
} from '../../model/auth-session.entity.js';
import { BearerCache } from './bearer-cache.js';
import { verifySecret } from './password-hash.js';
import { isLapsed, lifetimeOf } from './session-lifetime.js';
import type { Viewer } from '../../graphql/viewer.js';

/** How a DigiD or eHerkenning login proved itself, and whom it acts for (docs/rules.md §6). */
export interface LoginIdentity {
  readonly method: SignInMethod;
  readonly assurance: string | null;
  readonly actingFor: Account | null;
  readonly actingForLabel: string | null;
}

export interface IssuedSession {
  readonly token: string;
  readonly expiresAt: Date;
  readonly remember: boolean;
  readonly account: Account;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
/** Seen-at is written at most once a minute: reads should not each cost a write. */
const touchInterval = 60_000;

/** A login and its account, as `loginSql` returns them (dates as the dialect stores them). */
interface LoginRow {
  id: string;
  remember: boolean | number;
  expires_at: Date | number | string;
  last_seen_at: Date | number | string;
  account_id: string | null;
  role: Role | null;
  municipality_id: string | null;
  language: Language | null;
  language_chosen: boolean | number | null;
  /** Set for a registration number + PIN login, which has no account. */
  permit_id: string | null;
  session_language: Language | null;
  method: SignInMethod;
  assurance: string | null;
  acting_for_id: string | null;
  acting_for_label: string | null;
}

/** Bearer tokens are only ever issued to accounts. */
type AccountLoginRow = LoginRow & { account_id: string };
const bearerLogins = new BearerCache<AccountLoginRow>();

/**
 * Call after changing what a viewer is made of (role, language) or ending an account's logins
 * directly in the database, so a cached bearer login does not outlive the change here.
 */
export function forgetCachedLogins(accountId: string): void {
  bearerLogins.forgetAccount(accountId);
}

const loginSql = `select s.id, s.remember, s.expires_at, s.last_seen_at,
    s.method, s.assurance, s.acting_for_id, s.acting_for_label,
    s.permit_id, s.language as session_language,
    a.id as account_id, a.role, a.municipality_id, a.language, a.language_chosen
  from auth_session s left join account a on a.id = s.account_id
  where s.token_hash = ? and s.kind = ?`;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The viewer of a registration number + PIN login: no account, so the permit's id stands where
 * an account's would (it names no account: a holder check finds nothing), a holder's role for
 * the operations of `permit-only-gate.ts` and nothing else.
 */
function permitOnlyViewer(row: LoginRow, permitId: string, kind: AuthSessionKind): Viewer {
  return {
    accountId: permitId,
    role: 'resident',
    municipalityId: null,
    language: row.session_language ?? 'nl',
    authSessionId: row.id,
    via: kind,
    holderAccountId: permitId,
    signIn: { method: 'registration', assurance: null },
    actingFor: null,
    permitOnly: permitId,
    scopes: null,
  };
}

export class AuthService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Checks a password, within the login limits of the address typed and of the client: a wrong
   * one counts, a right one clears the address's count (the client's keeps its wrong ones).
   */
  async login(
    email: string,
    password: string,
    remember: boolean,
    now: Date,
    clientAddress: string,
    kind: AuthSessionKind = 'cookie',
  ): Promise<IssuedSession> {
    const address = normaliseEmail(email);
    const attempt = await attemptLimits().take(
      'login',
      [
        { kind: 'account', id: address },
        { kind: 'address', id: clientAddress },
      ],
      { em: this.em, now },
    );
    const account = await this.em.findOne(
      Account,
      { email: address },
      { populate: ['passwordHash'] },
    );
    // A missing account is verified against a decoy hash: both answers take as long.
    const valid = await verifySecret(account?.passwordHash, password).catch(async (error) => {
      await attempt.giveBack();
      throw error;
    });
    if (!account?.passwordHash || !valid) throw new AppError('LOGIN_FAILED');
    // An account that has it came from demo data: in production it stays locked out.
    if (config().production && password === demoPassword) throw new AppError('LOGIN_FAILED');
    await attempt.succeeded(['account']);
    return this.issue(account, kind, remember, now);
  }

  async issue(
    account: Account,
    kind: AuthSessionKind,
    remember: boolean,
    now: Date,
    identity: LoginIdentity | null = null,
  ): Promise<IssuedSession> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + lifetimeOf(kind, remember).absolute);
    this.em.create(AuthSession, {
      tokenHash: hashToken(token),
      account,
      kind,
      remember,
      expiresAt,
      lastSeenAt: now,
      ...(identity && {
        method: identity.method,
        assurance: identity.assurance,
        actingFor: identity.actingFor,
        actingForLabel: identity.actingForLabel,
      }),
    });
    await this.em.flush();
    return { token, expiresAt, remember, account };
  }

  /**
   * A registration number + PIN login on one visitor permit (docs/rules.md §6): a cookie, no
   * account, the short lifetime of `sessionLifetime.registration`. The caller checked the PIN.
   */
  async issueForPermit(
    permit: Permit,
    language: Language,
    now: Date,
  ): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + lifetimeOf('cookie', false, true).absolute);
    this.em.create(AuthSession, {
      tokenHash: hashToken(token),
      account: null,
      permit,
      language,
      kind: 'cookie',
      remember: false,
      expiresAt,
      lastSeenAt: now,
      method: 'registration',
    });
    await this.em.flush();
    return { token, expiresAt };
  }

  /**
   * The viewer behind a token, or null when it is unknown or has lapsed (then it is removed).
   * Every request asks this, so it is one indexed, joined SELECT read as plain rows: hydrating
   * two entities cost more than the rest of a right-check.
   */
  async authenticate(token: string, kind: AuthSessionKind, now: Date): Promise<Viewer | null> {
    const tokenHash = hashToken(token);
    // A process clock for the cache's age; `now` is the business time.
    const clock = performance.now();
    let row: LoginRow | null | undefined =
      kind === 'bearer' ? bearerLogins.get(tokenHash, clock) : null;
    if (!row) {
      [row] = await this.em.getConnection().execute<LoginRow[]>(loginSql, [tokenHash, kind]);
      if (!row) return null;
      if (kind === 'bearer' && row.account_id) {
        bearerLogins.set(tokenHash, row as AccountLoginRow, clock);
      }
    }
    const session = {
      kind,
      remember: Boolean(row.remember),
      expiresAt: new Date(row.expires_at),
      lastSeenAt: new Date(row.last_seen_at),
      permitOnly: row.permit_id !== null,
    };
    if (isLapsed(session, now)) {
      bearerLogins.forgetLogin(row.id);
      await this.em.nativeDelete(AuthSession, { id: row.id });
      return null;
    }
    if (now.getTime() - session.lastSeenAt.getTime() >= touchInterval) {
      await this.em.nativeUpdate(AuthSession, { id: row.id }, { lastSeenAt: now });
      row.last_seen_at = now;
    }
    if (row.permit_id) return permitOnlyViewer(row, row.permit_id, kind);
    if (!row.account_id || !row.role || !row.language) return null;
    return {
      accountId: row.account_id,
      role: row.role,
      municipalityId: row.municipality_id,
      language: row.language_chosen ? row.language : null,
      authSessionId: row.id,
      via: kind,
      holderAccountId: row.acting_for_id ?? row.account_id,
      signIn: { method: row.method, assurance: row.assurance },
      actingFor: row.acting_for_id
        ? { accountId: row.acting_for_id, label: row.acting_for_label }
        : null,
      permitOnly: null,
      scopes: null,
    };
  }

  async logout(authSessionId: string): Promise<void> {
    bearerLogins.forgetLogin(authSessionId);
    await this.em.nativeDelete(AuthSession, { id: authSessionId });
  }
}
