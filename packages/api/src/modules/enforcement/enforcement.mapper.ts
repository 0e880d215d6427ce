import type { RightCheckAnswer } from './enforcement.service.js';
import { RightCheckResult } from './enforcement.types.js';

export function toRightCheckResult(answer: RightCheckAnswer): RightCheckResult {
  return Object.assign(new RightCheckResult(), {
    valid: answer.valid,
    kind: answer.kind,
    validUntil: answer.validUntil,
    checkedAt: answer.checkedAt,
    plate: answer.plate,
  });
}
