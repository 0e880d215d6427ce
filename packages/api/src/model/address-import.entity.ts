import { Entity, Index, ManyToOne, Property, type Opt, type Rel } from '@mikro-orm/core';
import { Account } from './account.entity.js';
import { BaseEntity } from './base.entity.js';
import { Municipality } from './municipality.entity.js';

/** The file formats an import reads (docs/architecture.md, Addresses). */
export const addressImportFormats = ['csv', 'bagJson'] as const;
export type AddressImportFormat = (typeof addressImportFormats)[number];

export const addressImportStatuses = ['queued', 'running', 'done', 'failed'] as const;
export type AddressImportStatus = (typeof addressImportStatuses)[number];

/** A row the import did not take, with why (an error catalogue code and its values). */
export interface RefusedImportRow {
  /** The row's number in the file: 1 is the first after the header. */
  readonly row: number;
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/**
 * One upload of a town's addresses, worked through by the work queue (`importAddresses`) in
 * batches: `rowsDone` of `totalRows` shows the progress, `refused` the rows not taken. The file
 * is kept until the import finishes, then dropped (the addresses are what matters).
 */
@Entity({ tableName: 'address_import' })
@Index({ properties: ['municipality', 'createdAt'] })
export class AddressImport extends BaseEntity {
  @ManyToOne(() => Municipality)
  municipality!: Rel<Municipality>;

  @ManyToOne(() => Account)
  createdBy!: Rel<Account>;

  @Property({ type: Date })
  createdAt!: Date;

  @Property({ type: Date, nullable: true })
  finishedAt: (Date & Opt) | null = null;

  @Property({ type: 'string', length: 10 })
  format!: AddressImportFormat;

  @Property({ type: 'string', length: 200 })
  fileName!: string;

  /** The uploaded text; null once the import has finished. */
  @Property({ type: 'text', nullable: true, lazy: true })
  content: (string & Opt) | null = null;

  @Property({ type: 'string', length: 10 })
  status: AddressImportStatus & Opt = 'queued';

  @Property({ type: 'integer' })
  totalRows: number & Opt = 0;

  @Property({ type: 'integer' })
  rowsDone: number & Opt = 0;

  @Property({ type: 'integer' })
  rowsAdded: number & Opt = 0;

  @Property({ type: 'integer' })
  rowsUpdated: number & Opt = 0;

  @Property({ type: 'integer' })
  rowsUnchanged: number & Opt = 0;

  /** Rows refused in all; `refused` lists the first thousand. */
  @Property({ type: 'integer' })
  refusedCount: number & Opt = 0;

  /** The refused rows in file order, each with its reason (the first thousand). */
  @Property({ type: 'json' })
  refused: RefusedImportRow[] & Opt = [];
}
