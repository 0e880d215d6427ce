import { eitherName, useName } from '../../graphql/renamed-argument.js';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { adminWorkOf } from '../admin/admin-scope.js';
import { permitLetters, resendLetter } from './letter.service.js';
import { PermitLetterDto } from './letter.types.js';

/** Decision letters (docs/rules.md §1, letters): listing them and mailing one again. */
@Resolver()
export class LetterResolver {
  @Authorized('resident', 'business', 'municipalAdmin')
  @Query(() => [PermitLetterDto], {
    description:
      "A permit's decision letters, oldest first: for its holder and the admins of its town. Download each at its downloadUrl.",
  })
  permitLetters(
    @Arg('permitId', () => ID, { description: 'The permit.' }) permitId: string,
    @Ctx() ctx: Context,
  ): Promise<PermitLetterDto[]> {
    return permitLetters(ctx.em, ctx.viewer!, permitId);
  }

  @Authorized('municipalAdmin')
  @Mutation(() => PermitLetterDto, {
    description:
      "Mails a decision letter again to the permit holder (or the application's contact address), with the PDF attached; recorded in the audit log. A visitor permit's PIN is not on the copy.",
  })
  resendLetter(
    @Arg('id', () => ID, {
      nullable: true,
      description: 'The letter (PermitLetter.id); required (or, deprecated, documentId).',
    })
    id: string | null,
    @Arg('documentId', () => ID, {
      nullable: true,
      description: 'The letter (PermitLetter.id).',
      deprecationReason: useName('id'),
    })
    documentId: string | null,
    @Ctx() ctx: Context,
  ): Promise<PermitLetterDto> {
    return resendLetter(adminWorkOf(ctx), eitherName(id, documentId));
  }
}
