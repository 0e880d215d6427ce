import { vehicleFuelOf, type VehicleFacts } from '@parkeer/domain/eligibility/vehicle';
import { askRegistry } from '../registry/registry-client.js';
import { RegistryUnavailableError } from '../registry/registry-names.js';

/**
 * RDW open data (docs/architecture.md §Registries): Socrata (SODA) JSON resources queried by
 * plate, `GET /resource/<dataset>.json?kenteken=GB123K`. Every value comes as a string; an empty
 * array means the register does not know the plate. No owner data is public.
 */
export const rdwDatasets = {
  /** Gekentekende voertuigen: kind, body, masses, length, EU category. */
  vehicles: 'm9d7-ebf2',
  /** Gekentekende voertuigen brandstof: one row per fuel with its emission level. */
  fuels: '8ys7-d773',
} as const;

/** The fields of a `m9d7-ebf2` row the counter reads (the row has some hundred more). */
export interface RdwVehicleRow {
  readonly kenteken: string;
  readonly voertuigsoort?: string;
  readonly inrichting?: string;
  readonly europese_voertuigcategorie?: string;
  readonly massa_ledig_voertuig?: string;
  readonly toegestane_maximum_massa_voertuig?: string;
  readonly lengte?: string;
}

/** The fields of a `8ys7-d773` row the counter reads. */
export interface RdwFuelRow {
  readonly kenteken: string;
  readonly brandstof_volgnummer?: string;
  readonly brandstof_omschrijving?: string;
  readonly emissiecode_omschrijving?: string;
  readonly uitlaatemissieniveau?: string;
}

const whole = (value: string | undefined): number | null => {
  const parsed = value === undefined ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : null;
};
const text = (value: string | undefined): string | null =>
  value === undefined || value.trim() === '' ? null : value.trim();

async function resource<T>(dataset: string, plate: string): Promise<T[]> {
  const answer = await askRegistry<unknown>(
    'rdw',
    {
      // Logged instead of the path, which holds the plate.
      operation: `kenteken ${dataset}`,
      path: `/resource/${dataset}.json?kenteken=${encodeURIComponent(plate)}`,
    },
    // SODA's application token: without one RDW throttles per address.
    (token): Record<string, string> => (token ? { 'X-App-Token': token } : {}),
  );
  // SODA answers an unknown plate with []; a 404 is a wrong dataset or address, not a "no".
  if (!answer.found || !Array.isArray(answer.body)) {
    throw new RegistryUnavailableError('rdw', answer.found ? 'not an array' : 'status 404');
  }
  return answer.body as T[];
}

/**
 * The register's facts for a Dutch plate (normalised: upper case, no dashes), or null when it
 * does not know the plate. Both datasets are asked at once. Throws `RegistryUnavailableError`
 * when RDW does not answer (the caller sends the case to an official).
 */
export async function lookUpVehicle(plate: string): Promise<VehicleFacts | null> {
  const key = plate.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
  const [vehicles, fuels] = await Promise.all([
    resource<RdwVehicleRow>(rdwDatasets.vehicles, key),
    resource<RdwFuelRow>(rdwDatasets.fuels, key),
  ]);
  const row = vehicles.find((vehicle) => vehicle.kenteken === key);
  if (!row) return null;
  return {
    kind: text(row.voertuigsoort) ?? '',
    body: text(row.inrichting),
    euCategory: text(row.europese_voertuigcategorie),
    maxMassKg: whole(row.toegestane_maximum_massa_voertuig),
    lengthCm: whole(row.lengte),
    fuels: fuels
      .filter((fuel) => fuel.kenteken === key && text(fuel.brandstof_omschrijving))
      .sort((a, b) => Number(a.brandstof_volgnummer ?? 0) - Number(b.brandstof_volgnummer ?? 0))
      .map((fuel) =>
        vehicleFuelOf(
          fuel.brandstof_omschrijving!,
          text(fuel.uitlaatemissieniveau),
          text(fuel.emissiecode_omschrijving),
        ),
      ),
  };
}
