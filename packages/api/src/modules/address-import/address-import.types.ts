import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  addressImportFormats,
  addressImportStatuses,
  type AddressImportFormat,
  type AddressImportStatus,
} from '../../model/address-import.entity.js';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;

export const AddressImportFormatEnum = enumOf(addressImportFormats);
registerEnumType(AddressImportFormatEnum, {
  name: 'AddressImportFormat',
  description: 'The format of an address file.',
  valuesConfig: {
    csv: {
      description:
        'CSV with a header row (separator ; or ,): postcode, huisnummer, huisletter, toevoeging, straat, woonplaats, and optionally nummeraanduiding_id, verblijfsobject_id, x and y (RD) or lat and lon (WGS84), zone, eigen_parkeerplaats (ja/nee).',
    },
    bagJson: {
      description:
        'JSON as BAG API Individuele Bevragingen v2 answers GET /adressenuitgebreid: a page ({_embedded: {adressen: [...]}}), an array of pages, or an array of its addresses.',
    },
  },
});

export const AddressImportStatusEnum = enumOf(addressImportStatuses);
registerEnumType(AddressImportStatusEnum, {
  name: 'AddressImportStatus',
  description: 'Where an address import is.',
  valuesConfig: {
    queued: { description: 'Uploaded; the work queue has not started it yet.' },
    running: { description: 'Rows are being read, batch by batch.' },
    done: { description: 'Every row was read; the report is complete.' },
    failed: { description: 'The file could not be read any more; nothing more will happen.' },
  },
});

@InputType({ description: "An address file of the admin's town to import." })
export class AddressImportInput {
  @Field(() => String, { description: "The file's name, as the back office shows it." })
  fileName!: string;

  @Field(() => AddressImportFormatEnum, { description: 'How the file is written.' })
  format!: AddressImportFormat;

  @Field(() => String, {
    description: "The file's text (UTF-8), within the request's size limit; split bigger files.",
  })
  content!: string;
}

@ObjectType('RefusedAddressRow', { description: 'A row of an import that was not taken, and why.' })
export class RefusedAddressRowDto {
  @Field(() => Int, { description: 'The row in the file: 1 is the first after the header.' })
  row!: number;

  @Field(() => String, { description: 'The reason, an error catalogue code.' })
  code!: string;

  @Field(() => String, { description: "The reason in the viewer's language." })
  message!: string;
}

@ObjectType('AddressImport', {
  description: "An upload of the town's addresses, with its progress and report.",
})
export class AddressImportDto {
  @Field(() => ID, { description: "The import's id." })
  id!: string;

  @Field(() => String, { description: "The uploaded file's name." })
  fileName!: string;

  @Field(() => AddressImportFormatEnum, { description: 'How the file was read.' })
  format!: AddressImportFormat;

  @Field(() => AddressImportStatusEnum, { description: 'Where the import is.' })
  status!: AddressImportStatus;

  @Field(() => Date, { description: 'When it was uploaded.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the last row was read; null: not yet.' })
  finishedAt!: Date | null;

  @Field(() => Int, { description: 'Rows in the file.' })
  totalRows!: number;

  @Field(() => Int, { description: 'Rows read so far (taken or refused).' })
  rowsDone!: number;

  @Field(() => Int, { description: 'Addresses the town did not have.' })
  rowsAdded!: number;

  @Field(() => Int, { description: 'Addresses the file changed.' })
  rowsUpdated!: number;

  @Field(() => Int, { description: 'Addresses already as the file says (a repeated import).' })
  rowsUnchanged!: number;

  @Field(() => Int, { description: 'Rows refused in all.' })
  refusedCount!: number;

  @Field(() => [RefusedAddressRowDto], {
    description: 'The refused rows with their reasons, in file order (the first thousand).',
  })
  refused!: RefusedAddressRowDto[];
}
