import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { config } from '../../config/config.js';
import { demoPassword } from './demo-password.js';
import { AppError } from '../../graphql/app-error.js';
import type { Language } from '@parkeer/shared/language';
import { Account, type Role } from '../../model/account.entity.js';
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
  account_id: string;
  role: Role;
  municipality_id: string | null;
  language: Language;
  method: SignInMethod;
  assurance: string | null;
  acting_for_id: string | null;
  acting_for_label: string | null;
}

const bearerLogins = new BearerCache<LoginRow>();

/**
 * Call after changing what a viewer is made of (role, language) or ending an account's logins
 * directly in the database, so a cached bearer login does not outlive the change here.
 */
export function forgetCachedLogins(accountId: string): void {
  bearerLogins.forgetAccount(accountId);
}

const loginSql = `select s.id, s.remember, s.expires_at, s.last_seen_at,
    s.method, s.assurance, s.acting_for_id, s.acting_for_label,
    a.id as account_id, a.role, a.municipality_id, a.language
  from auth_session s join account a on a.id = s.account_id
  where s.token_hash = ? and s.kind = ?`;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
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
   * The viewer behind a token, or null when it is unknown or has lapsed (then it is removed).
   * Every request asks this, so it is one indexed, joined SELECT read as plain rows: hydrating
   * two entities cost more than the rest of a right-check.
   */
  async authenticate(token: string, kind: AuthSessionKind, now: Date): Promise<Viewer | null> {
    const tokenHash = hashToken(token);
    // A process clock for the cache's age; `now` is the business time.
    const clock = performance.now();
    let row = kind === 'bearer' ? bearerLogins.get(tokenHash, clock) : null;
    if (!row) {
      [row] = await this.em.getConnection().execute<LoginRow[]>(loginSql, [tokenHash, kind]);
      if (!row) return null;
      if (kind === 'bearer') bearerLogins.set(tokenHash, row, clock);
    }
    const session = {
      kind,
      remember: Boolean(row.remember),
      expiresAt: new Date(row.expires_at),
      lastSeenAt: new Date(row.last_seen_at),
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
    return {
      accountId: row.account_id,
      role: row.role,
      municipalityId: row.municipality_id,
      language: row.language,
      authSessionId: row.id,
      via: kind,
      holderAccountId: row.acting_for_id ?? row.account_id,
      signIn: { method: row.method, assurance: row.assurance },
      actingFor: row.acting_for_id
        ? { accountId: row.acting_for_id, label: row.acting_for_label }
        : null,
    };
  }

  async logout(authSessionId: string): Promise<void> {
    bearerLogins.forgetLogin(authSessionId);
    await this.em.nativeDelete(AuthSession, { id: authSessionId });
  }
}
