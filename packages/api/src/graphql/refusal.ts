import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, InterfaceType } from 'type-graphql';

/**
 * The one shape of every refusal a mutation or query answers as data (docs/graphql.md,
 * "Refusals are results, not errors"): a client can show any of them by `code` and `message`
 * without knowing the operation.
 */
@InterfaceType('Refusal', {
  description:
    'Why the rules refuse what was asked, as data beside the answer (docs/graphql.md, Refusals are results, not errors). Every refusal type implements it; show `message`, or your own text by `code`.',
})
export abstract class Refusal {
  @Field(() => String, {
    description:
      'A code of the shared error catalogue (e.g. SESSION_OVER_MAX_DURATION): the same in every language and release.',
  })
  code!: string;

  @Field(() => String, {
    description:
      "The reason in the account's chosen language, else the request's Accept-Language (Dutch by default).",
  })
  message!: string;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      "The message's raw values (amounts in the product's unit or cents, dates YYYY-MM-DD, moments ISO 8601); null: none.",
  })
  params!: Record<string, unknown> | null;
}

export const deprecatedForCode = 'Use `code` (the Refusal interface); the same value.';
