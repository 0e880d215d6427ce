import type { IssuedSession } from './auth.service.js';
import { ActingForDto, LoginResult, MeDto, SignInDto } from './auth.types.js';
import type { Account } from '../../model/account.entity.js';
import type { Viewer } from '../../graphql/viewer.js';

const passwordLogin: Pick<Viewer, 'signIn' | 'actingFor'> = {
  signIn: { method: 'password', assurance: null },
  actingFor: null,
};

/** The account as `me`, with how the login proved itself (a password unless a viewer says). */
export function toMeDto(
  account: Account,
  login: Pick<Viewer, 'signIn' | 'actingFor'> = passwordLogin,
  startPermitId: string | null = account.startPermitId ?? null,
): MeDto {
  return Object.assign(new MeDto(), {
    id: account.id,
    email: account.email,
    displayName: account.displayName ?? null,
    kvkNumber: account.kvkNumber ?? null,
    signIn: Object.assign(new SignInDto(), login.signIn),
    actingFor: login.actingFor
      ? Object.assign(new ActingForDto(), {
          accountId: login.actingFor.accountId,
          label: login.actingFor.label ?? '',
        })
      : null,
    role: account.role,
    language: account.language,
    highContrast: account.highContrast,
    startPermitId,
  });
}

/** What every way of logging in answers: the account and when the login ends at the latest. */
export function toLoginResult(session: IssuedSession): LoginResult {
  return Object.assign(new LoginResult(), {
    me: toMeDto(session.account),
    expiresAt: session.expiresAt,
  });
}
