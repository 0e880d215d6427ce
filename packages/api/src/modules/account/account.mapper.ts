import { MeDto } from '../auth/auth.types.js';
import type { Account } from './account.entity.js';

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
