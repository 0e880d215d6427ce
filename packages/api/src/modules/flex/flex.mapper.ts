import { formatPlate } from '@parkeer/domain/plate/plate';
import { errorMessage } from '@parkeer/shared/messages/error-catalogue';
import type { Language } from '@parkeer/shared/language';
import type { FlexPlate } from '../../model/flex-plate.entity.js';
import { toSessionDto } from '../session/session.mapper.js';
import { SessionRefused } from '../session/session.types.js';
import type { FlexRefusal } from '@parkeer/domain/session-policy/flexible-registration';
import type { FlexOverview } from './flex.service.js';
import { FlexPermitDto, FlexPlateDto } from './flex.types.js';

export function toFlexPlateDto(entry: FlexPlate, registered: boolean): FlexPlateDto {
  return Object.assign(new FlexPlateDto(), {
    id: entry.id,
    plate: entry.plate,
    formattedPlate: formatPlate(entry.plate, entry.country),
    country: entry.country,
    name: entry.name,
    role: entry.role,
    registered,
  });
}

export function toFlexPermitDto(
  overview: FlexOverview,
  viewerAccountId: string,
  now: Date,
): FlexPermitDto {
  const registration = overview.registrations[0] ?? null;
  const registered = new Set(overview.registrations.map((s) => s.plate));
  const { window } = overview;
  return Object.assign(new FlexPermitDto(), {
    id: overview.permit.id,
    permitId: overview.permit.id,
    zoneName: overview.permit.zone.name,
    plates: overview.plates.map((entry) => toFlexPlateDto(entry, registered.has(entry.plate))),
    maxPlates: overview.maxPlates,
    date: overview.date,
    canRegister: window.ok,
    registrationStart: window.ok ? window.start : null,
    paidHoursEnd: window.ok ? window.end : null,
    nextDate: window.ok ? null : window.nextDate,
    registration: registration
      ? toSessionDto(registration, overview.unit, viewerAccountId, now)
      : null,
    balance: overview.permit.balance,
    unit: overview.unit,
  });
}

/** A flex refusal in the session result's shape: a reason, its message, no proposal. */
export function toFlexRefused(
  refusal: FlexRefusal & { readonly nextDate?: string | null },
  language: Language,
): SessionRefused {
  // After today's paid hours the client learns the next date to register on.
  const params = { ...refusal.params, ...(refusal.nextDate ? { nextDate: refusal.nextDate } : {}) };
  return Object.assign(new SessionRefused(), {
    reason: refusal.reason,
    message: errorMessage(refusal.reason, language, refusal.params),
    params: Object.keys(params).length > 0 ? params : null,
    proposal: null,
  });
}
