import { formatPlate } from '@parkeer/domain/plate/plate';
import type { PermitPlate } from '../../model/permit-plate.entity.js';
import type { RecentPlate } from './recent-plates.repository.js';
import { PermitPlateDto, RecentPlateDto } from './plate.types.js';

export function toPermitPlateDto(plate: PermitPlate): PermitPlateDto {
  return Object.assign(new PermitPlateDto(), {
    plate: plate.plate,
    formattedPlate: formatPlate(plate.plate, plate.country),
    country: plate.country,
    active: plate.active,
  });
}

export function toRecentPlateDto(recent: RecentPlate): RecentPlateDto {
  return Object.assign(new RecentPlateDto(), {
    plate: recent.plate,
    formattedPlate: formatPlate(recent.plate, recent.country),
    country: recent.country,
    lastStart: recent.lastStart,
  });
}
