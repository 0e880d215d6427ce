import type { Language } from '@parkeer/shared/language';
import { errorMessage, isErrorCode } from '@parkeer/shared/messages/error-catalogue';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf, type Context } from '../../graphql/context.js';
import type { AddressImport } from '../../model/address-import.entity.js';
import { AddressImportService } from './address-import.service.js';
import {
  AddressImportDto,
  AddressImportInput,
  RefusedAddressRowDto,
} from './address-import.types.js';

const toDto = (upload: AddressImport, language: Language): AddressImportDto =>
  Object.assign(new AddressImportDto(), {
    id: upload.id,
    fileName: upload.fileName,
    format: upload.format,
    status: upload.status,
    createdAt: upload.createdAt,
    finishedAt: upload.finishedAt,
    totalRows: upload.totalRows,
    rowsDone: upload.rowsDone,
    rowsAdded: upload.rowsAdded,
    rowsUpdated: upload.rowsUpdated,
    rowsUnchanged: upload.rowsUnchanged,
    refusedCount: upload.refusedCount,
    refused: upload.refused.map((refusal) =>
      Object.assign(new RefusedAddressRowDto(), {
        row: refusal.row,
        code: refusal.code,
        message: isErrorCode(refusal.code)
          ? errorMessage(refusal.code, language, refusal.params ?? {})
          : refusal.code,
      }),
    ),
  });

@Resolver()
export class AddressImportResolver {
  @Authorized('municipalAdmin')
  @Mutation(() => AddressImportDto, {
    description:
      "Uploads a file of the town's addresses (docs/rules.md §2): a file that cannot be read at all is refused at once; otherwise the work queue reads its rows in the background, and addressImport shows the progress and the rows refused. Importing the same file again changes nothing.",
  })
  async startAddressImport(
    @Arg('input', () => AddressImportInput, { description: 'The file and its format.' })
    input: AddressImportInput,
    @Ctx() ctx: Context,
  ): Promise<AddressImportDto> {
    const upload = await new AddressImportService(ctx.em, actorOf(ctx)).start(input);
    return toDto(upload, ctx.language);
  }

  @Authorized('municipalAdmin')
  @Query(() => [AddressImportDto], {
    description: "The town's latest address imports (20), newest first.",
  })
  async addressImports(@Ctx() ctx: Context): Promise<AddressImportDto[]> {
    const uploads = await new AddressImportService(ctx.em, actorOf(ctx)).list();
    return uploads.map((upload) => toDto(upload, ctx.language));
  }

  @Authorized('municipalAdmin')
  @Query(() => AddressImportDto, { description: "One of the town's address imports." })
  async addressImport(
    @Arg('id', () => ID, { description: "The import; another town's is NOT_FOUND." }) id: string,
    @Ctx() ctx: Context,
  ): Promise<AddressImportDto> {
    return toDto(await new AddressImportService(ctx.em, actorOf(ctx)).get(id), ctx.language);
  }
}
