import { rightKinds, type RightKind } from '@parkeer/domain/enforcement/right-choice';
import type { Language } from '@parkeer/shared/language';
import { errorMessage } from '@parkeer/shared/messages/error-catalogue';
import type { RightCheckAnswer, RightCheckRefusal } from './enforcement.service.js';
import {
  EnforcementTownDto,
  EnforcementZone,
  FineCheck,
  FineCheckOutage,
  OutageWindow,
  RecordedFine,
  RightCheckRefused,
  RightCheckResult,
} from './enforcement.types.js';
import type { RecordedFineAnswer } from './fine.service.js';
import type { FineCheckView } from './fine-check.loader.js';

export function toRightCheckResult(answer: RightCheckAnswer): RightCheckResult {
  return Object.assign(new RightCheckResult(), {
    valid: answer.valid,
    kind: answer.kind,
    permitKind: answer.permitKind,
    validUntil: answer.validUntil,
    checkedAt: answer.checkedAt,
    plate: answer.plate,
    zone: answer.zone,
    checkId: answer.checkId,
    outage: answer.outage ? Object.assign(new OutageWindow(), answer.outage) : null,
    mayFine: answer.mayFine,
  });
}

export function toRightCheckBatchAnswer(
  answer: RightCheckAnswer | RightCheckRefusal,
  language: Language,
): RightCheckResult | RightCheckRefused {
  if (!('refused' in answer)) return toRightCheckResult(answer);
  const params = Object.keys(answer.params).length > 0 ? { ...answer.params } : null;
  return Object.assign(new RightCheckRefused(), {
    index: answer.index,
    reason: answer.code,
    message: errorMessage(answer.code, language, answer.params),
    params: params as Record<string, string | number> | null,
  });
}

export function toRecordedFine(fine: RecordedFineAnswer): RecordedFine {
  return Object.assign(new RecordedFine(), fine);
}

export function toEnforcementTown(town: {
  code: string;
  name: string;
  zones: { code: string; name: string; hasArea: boolean }[];
}): EnforcementTownDto {
  return Object.assign(new EnforcementTownDto(), {
    code: town.code,
    name: town.name,
    zones: town.zones.map((zone) => Object.assign(new EnforcementZone(), zone)),
  });
}

export function toFineCheck(view: FineCheckView): FineCheck {
  const kind = rightKinds.find((known) => known === view.rightKind);
  return Object.assign(new FineCheck(), {
    ...view,
    rightKind: (kind ?? null) as RightKind | null,
    outage: view.outage ? Object.assign(new FineCheckOutage(), view.outage) : null,
  });
}
