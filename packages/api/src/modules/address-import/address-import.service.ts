import type { EntityManager } from '@mikro-orm/core';
import { zoneOfAddress } from '@parkeer/domain/zone-shape/zone-shape';
import { AppError } from '../../graphql/app-error.js';
import { isUuid } from '../../db/uuid.js';
import { logger } from '../../logging/logger.js';
import { Account } from '../../model/account.entity.js';
import { Address } from '../../model/address.entity.js';
import {
  AddressImport,
  type AddressImportFormat,
  type RefusedImportRow,
} from '../../model/address-import.entity.js';
import { Municipality } from '../../model/municipality.entity.js';
import { ScheduledJob } from '../../model/scheduled-job.entity.js';
import { Zone } from '../../model/zone.entity.js';
import { adminTown, type Actor } from '../admin/admin-scope.js';
import { recordChange } from '../audit/audit-log.js';
import { addressKeyOf, addressLabelOf } from '../address/address-key.js';
import { readAddressFile, type RawAddressRow } from './address-import-file.js';
import { checkImportRow, type ImportedAddress } from './address-import-rows.js';

/** Rows per committed batch: progress moves visibly and a crash repeats little. */
export const importBatchSize = 200;
/** The report keeps this many refused rows; the count of the rest is in the totals. */
const maxRefusedReported = 1_000;
const maxFileName = 200;

/** The back office's address imports: upload, progress and report (docs/rules.md §2). */
export class AddressImportService {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Actor,
  ) {}

  /**
   * Reads the file once to refuse one that cannot be read at all (a missing column, not JSON, too
   * many rows), then stores it with an `importAddresses` job: the work queue does the rows.
   */
  async start(input: {
    fileName: string;
    format: AddressImportFormat;
    content: string;
  }): Promise<AddressImport> {
    const town = adminTown(this.actor);
    const rows = readAddressFile(input.format, input.content);
    const upload = this.em.create(AddressImport, {
      municipality: this.em.getReference(Municipality, town),
      createdBy: this.em.getReference(Account, this.actor.viewer!.accountId),
      createdAt: this.actor.now,
      format: input.format,
      fileName: input.fileName.trim().slice(0, maxFileName) || 'adressen',
      content: input.content,
      totalRows: rows.length,
    });
    this.em.create(ScheduledJob, {
      kind: 'importAddresses',
      subject: upload.id,
      runAt: this.actor.now,
    });
    recordChange(this.em, this.actor, {
      action: 'address.import.start',
      subjectType: 'addressImport',
      subjectId: upload.id,
      subjectLabel: upload.fileName,
      municipalityId: town,
      before: null,
      after: { format: upload.format, fileName: upload.fileName, totalRows: upload.totalRows },
    });
    await this.em.flush();
    return upload;
  }

  list(): Promise<AddressImport[]> {
    return this.em.find(
      AddressImport,
      { municipality: adminTown(this.actor) },
      { orderBy: { createdAt: 'desc' }, limit: 20 },
    );
  }

  async get(id: string): Promise<AddressImport> {
    const found = isUuid(id) ? await this.em.findOne(AddressImport, { id }) : null;
    if (!found || found.municipality.id !== adminTown(this.actor)) throw new AppError('NOT_FOUND');
    return found;
  }
}

/** What one row did to the table. */
type RowOutcome = 'added' | 'updated' | 'unchanged';

/**
 * The `importAddresses` job: works through the file from where the last run stopped, one batch
 * per transaction, each with its progress, so the back office sees it move and a crash repeats
 * at most one batch. Idempotent: a row makes its address what the row says, so a repeat (of a
 * batch, or of the whole file) changes nothing more. An address's key never changes, as permits
 * store it.
 */
export async function runAddressImport(em: EntityManager, importId: string): Promise<void> {
  const upload = await em.findOne(AddressImport, { id: importId }, { populate: ['content'] });
  if (!upload || upload.status === 'done' || upload.status === 'failed') return;
  let rows;
  try {
    rows = readAddressFile(upload.format, upload.content ?? '');
  } catch {
    // Read at upload, so only a changed reader can get here: the import ends, saying so.
    await em.nativeUpdate(AddressImport, { id: upload.id }, { status: 'failed', content: null });
    return;
  }
  const townId = upload.municipality.id;
  const zones = await em.find(Zone, { municipality: townId });
  const town = await em.findOneOrFail(Municipality, { id: townId });
  // Duplicates are found over the whole file, so that a repeated run decides as the first did.
  const firstRowOf = new Map<string, number>();
  for (const row of rows) {
    const check = checkImportRow(row);
    if (!check.ok) continue;
    const key = identityOf(check.address);
    if (!firstRowOf.has(key)) firstRowOf.set(key, row.row);
  }
  let done = upload.rowsDone;
  if (upload.status === 'queued') {
    await em.nativeUpdate(AddressImport, { id: upload.id }, { status: 'running' });
  }
  while (done < rows.length) {
    const batch = rows.slice(done, done + importBatchSize);
    await em.transactional(async (tx) => {
      const current = await tx.findOneOrFail(AddressImport, { id: upload.id });
      // Another worker's run got further (a lease that ran out): continue from there.
      if (current.rowsDone !== done) return;
      const refused: RefusedImportRow[] = [];
      const counts = { added: 0, updated: 0, unchanged: 0 };
      const known = await knownAddresses(tx, town, batch);
      for (const row of batch) {
        const check = checkImportRow(row);
        if (!check.ok) {
          refused.push({
            row: row.row,
            code: check.code,
            ...(check.params ? { params: check.params } : {}),
          });
          continue;
        }
        const { address } = check;
        const key = identityOf(address);
        if (firstRowOf.get(key) !== row.row) {
          refused.push({
            row: row.row,
            code: 'ADDRESS_IMPORT_ROW_DUPLICATE',
            params: { first: firstRowOf.get(key)! },
          });
          continue;
        }
        const zone = zoneFor(address, zones);
        if (zone === 'unknown') {
          refused.push({
            row: row.row,
            code: 'ADDRESS_IMPORT_ROW_ZONE_UNKNOWN',
            params: { zone: address.zoneCode! },
          });
          continue;
        }
        counts[upsertAddress(tx, town, address, zone, known)] += 1;
      }
      current.rowsDone = done + batch.length;
      current.rowsAdded += counts.added;
      current.rowsUpdated += counts.updated;
      current.rowsUnchanged += counts.unchanged;
      const room = Math.max(0, maxRefusedReported - current.refused.length);
      if (refused.length > 0 && room > 0)
        current.refused = [...current.refused, ...refused.slice(0, room)];
      current.refusedCount += refused.length;
    });
    done += batch.length;
  }
  const finished = await em.fork().findOneOrFail(AddressImport, { id: upload.id });
  await em.nativeUpdate(
    AddressImport,
    { id: upload.id },
    { status: 'done', content: null, finishedAt: new Date() },
  );
  logger.info(
    {
      town: town.code,
      rows: finished.totalRows,
      added: finished.rowsAdded,
      updated: finished.rowsUpdated,
      refused: finished.refusedCount,
    },
    'address import done',
  );
}

/**
 * The zone a row's address goes in: the one the file names, else the one whose shape holds it
 * (docs/rules.md §3), else none (undefined: an existing address keeps its zone).
 */
function zoneFor(
  address: ImportedAddress,
  zones: readonly Zone[],
): Zone | null | undefined | 'unknown' {
  if (address.zoneCode !== null) {
    const named = zones.find((zone) => zone.code.toLowerCase() === address.zoneCode!.toLowerCase());
    return named ?? 'unknown';
  }
  const shaped = zones.filter((zone) => zone.shape);
  if (shaped.length === 0) return undefined;
  const placement = zoneOfAddress(
    { postcode: address.postcode, houseNumber: address.houseNumber, point: address.point },
    shaped.map((zone) => ({ code: zone.code, shape: zone.shape! })),
  );
  return placement.kind === 'inZone'
    ? shaped.find((zone) => zone.code === placement.code)!
    : undefined;
}

/** An address's identity in the town: postcode, number and addition. */
const identityOf = (address: Pick<Address, 'postcode' | 'houseNumber' | 'addition'>) =>
  `${address.postcode} ${address.houseNumber} ${address.addition}`;

/** What the table has for a batch: its addresses by identity, and the keys in use. */
interface KnownAddresses {
  readonly byIdentity: Map<string, Address>;
  readonly keys: Set<string>;
}

/** Two queries per batch: the addresses at the batch's postcodes, and the keys it might take. */
async function knownAddresses(
  tx: EntityManager,
  town: Municipality,
  batch: readonly RawAddressRow[],
): Promise<KnownAddresses> {
  const checked = batch.flatMap((row) => {
    const check = checkImportRow(row);
    return check.ok ? [check.address] : [];
  });
  const postcodes = [...new Set(checked.map((address) => address.postcode))];
  const candidateKeys = checked.map((address) =>
    addressKeyOf(town.code, address.street, address.houseNumber, address.addition),
  );
  const existing =
    postcodes.length === 0
      ? []
      : await tx.find(
          Address,
          { municipality: town.id, postcode: { $in: postcodes } },
          { populate: ['zone'] },
        );
  const taken =
    candidateKeys.length === 0
      ? []
      : await tx.find(
          Address,
          { municipality: town.id, key: { $in: candidateKeys } },
          { fields: ['key'] },
        );
  return {
    byIdentity: new Map(existing.map((address) => [identityOf(address), address])),
    keys: new Set([...existing, ...taken].map((address) => address.key)),
  };
}

function upsertAddress(
  tx: EntityManager,
  town: Municipality,
  address: ImportedAddress,
  zone: Zone | null | undefined,
  known: KnownAddresses,
): RowOutcome {
  const existing = known.byIdentity.get(identityOf(address));
  const values = {
    label: addressLabelOf(address.street, address.houseNumber, address.addition, address.town),
    bagAddressId: address.bagAddressId ?? existing?.bagAddressId ?? null,
    bagObjectId: address.bagObjectId ?? existing?.bagObjectId ?? null,
    pointX: address.point?.x ?? existing?.pointX ?? null,
    pointY: address.point?.y ?? existing?.pointY ?? null,
    privateParking: address.privateParking ?? existing?.privateParking ?? null,
  };
  if (existing) {
    const zoneId = zone === undefined ? (existing.zone?.id ?? null) : (zone?.id ?? null);
    const same =
      (Object.keys(values) as (keyof typeof values)[]).every(
        (key) => existing[key] === values[key],
      ) && (existing.zone?.id ?? null) === zoneId;
    if (same) return 'unchanged';
    tx.assign(existing, { ...values, zone: zoneId ? tx.getReference(Zone, zoneId) : null });
    return 'updated';
  }
  let key = addressKeyOf(town.code, address.street, address.houseNumber, address.addition);
  // The same street and number under another postcode (a long street): the postcode tells them apart.
  if (known.keys.has(key)) key = `${key}-${address.postcode.toLowerCase()}`.slice(0, 80);
  known.keys.add(key);
  const created = tx.create(Address, {
    municipality: tx.getReference(Municipality, town.id),
    postcode: address.postcode,
    houseNumber: address.houseNumber,
    addition: address.addition,
    key,
    ...values,
    zone: zone ? tx.getReference(Zone, zone.id) : null,
    source: 'import',
  });
  known.byIdentity.set(identityOf(address), created);
  return 'added';
}
