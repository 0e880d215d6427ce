import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { toLoginResult } from '../auth/auth.mapper.js';
import { LoginResult } from '../auth/auth.types.js';
import { CouplingLinkService } from './coupling-link.service.js';
import { toAddedProductDto, toCouplingLinkInfoDto } from './coupling.mapper.js';
import {
  AcceptCouplingLinkInput,
  AddedProductDto,
  AddProductByCodeInput,
  CouplingLinkInfoDto,
} from './coupling.types.js';
import { ProductCodeService } from './product-code.service.js';

@Resolver()
export class CouplingResolver {
  @Query(() => CouplingLinkInfoDto, {
    description: 'What the coupling link in an e-mail adds, before it is accepted.',
  })
  async couplingLink(
    @Arg('token', () => String, { description: 'The token from the coupling link.' }) token: string,
    @Ctx() { em, now, language }: Context,
  ): Promise<CouplingLinkInfoDto> {
    return toCouplingLinkInfoDto(await new CouplingLinkService(em).facts(token, now), language);
  }

  @Mutation(() => LoginResult, {
    description:
      'Couples the granted product to the account of the link (made if new) and logs in.',
  })
  async acceptCouplingLink(
    @Arg('input', () => AcceptCouplingLinkInput, {
      description: "The link's token and the password.",
    })
    input: AcceptCouplingLinkInput,
    @Ctx() ctx: Context,
  ): Promise<LoginResult> {
    const session = await new CouplingLinkService(ctx.em).accept(
      input,
      ctx.now,
      ctx.language,
      ctx.clientAddress,
    );
    ctx.http.setSessionCookie(session.token, session.remember ? session.expiresAt : null);
    return toLoginResult(session);
  }

  @Authorized('resident', 'business')
  @Mutation(() => AddedProductDto, {
    description: 'Adds a granted product with the product code and PIN of its allocation letter.',
  })
  async addProductByCode(
    @Arg('input', () => AddProductByCodeInput, {
      description: 'The product code and PIN from the allocation letter.',
    })
    input: AddProductByCodeInput,
    @Ctx() { em, now, viewer, language, clientAddress }: Context,
  ): Promise<AddedProductDto> {
    const permit = await new ProductCodeService(em).add(
      viewer!,
      input.productCode,
      input.pin,
      now,
      clientAddress,
    );
    return toAddedProductDto(permit, language);
  }
}
