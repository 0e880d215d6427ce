import type { IssuedSession } from './auth.service.js';
import { LoginResult, MeDto } from './auth.types.js';
import type { Account } from '../../model/account.entity.js';

export function toMeDto(account: Account): MeDto {
  return Object.assign(new MeDto(), {
    id: account.id,
    email: account.email,
    role: account.role,
    language: account.language,
    highContrast: account.highContrast,
    startPermitId: account.startPermitId ?? null,
  });
}

/** What every way of logging in answers: the account and when the login ends at the latest. */
export function toLoginResult(session: IssuedSession): LoginResult {
  return Object.assign(new LoginResult(), {
    me: toMeDto(session.account),
    expiresAt: session.expiresAt,
  });
}
