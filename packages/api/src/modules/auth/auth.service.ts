import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import argon2 from 'argon2';
import { AppError } from '../../graphql/app-error.js';
import { Account } from '../account/account.entity.js';
import { AuthSession, type AuthSessionKind } from './auth-session.entity.js';
import { isLapsed, lifetimeOf } from './session-lifetime.js';
import type { Viewer } from './viewer.js';

export interface IssuedSession {
  readonly token: string;
  readonly expiresAt: Date;
  readonly remember: boolean;
  readonly account: Account;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
/** Seen-at is written at most once a minute: reads should not each cost a write. */
const touchInterval = 60_000;
// Verifying against a real hash when the account does not exist keeps both answers equally slow.
// Made on the first login, not at start-up.
let decoyHash: Promise<string> | undefined;
const decoy = () =>
  (decoyHash ??= argon2.hash(randomBytes(16).toString('hex'), { type: argon2.argon2id }));

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export class AuthService {
  constructor(private readonly em: EntityManager) {}

  async login(
    email: string,
    password: string,
    remember: boolean,
    now: Date,
    kind: AuthSessionKind = 'cookie',
  ): Promise<IssuedSession> {
    const account = await this.em.findOne(
      Account,
      { email: normaliseEmail(email) },
      { populate: ['passwordHash'] },
    );
    const hash = account?.passwordHash ?? (await decoy());
    const valid = await argon2.verify(hash, password).catch(() => false);
    if (!account?.passwordHash || !valid) throw new AppError('LOGIN_FAILED');
    return this.issue(account, kind, remember, now);
  }

  async issue(
    account: Account,
    kind: AuthSessionKind,
    remember: boolean,
    now: Date,
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
    });
    await this.em.flush();
    return { token, expiresAt, remember, account };
  }

  /** The viewer behind a token, or null when it is unknown or has lapsed (then it is removed). */
  async authenticate(token: string, kind: AuthSessionKind, now: Date): Promise<Viewer | null> {
    const session = await this.em.findOne(
      AuthSession,
      { tokenHash: hashToken(token), kind },
      { populate: ['account'] },
    );
    if (!session) return null;
    if (isLapsed(session, now)) {
      await this.em.nativeDelete(AuthSession, { id: session.id });
      return null;
    }
    if (now.getTime() - session.lastSeenAt.getTime() >= touchInterval) {
      await this.em.nativeUpdate(AuthSession, { id: session.id }, { lastSeenAt: now });
    }
    const { account } = session;
    return {
      accountId: account.id,
      role: account.role,
      municipalityId: account.municipality?.id ?? null,
      language: account.language,
      authSessionId: session.id,
      via: kind,
    };
  }

  async logout(authSessionId: string): Promise<void> {
    await this.em.nativeDelete(AuthSession, { id: authSessionId });
  }
}
