import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { machineKeyScopes, type MachineKeyScope } from '../../graphql/scope-gate.js';

export const PartnerKeyScopeEnum = Object.fromEntries(machineKeyScopes.map((s) => [s, s])) as {
  [S in MachineKeyScope]: S;
};
registerEnumType(PartnerKeyScopeEnum, {
  name: 'PartnerKeyScope',
  description:
    'What a town\'s machine key may call (docs/graphql.md, "Machine keys"), always in the key\'s own town only.',
  valuesConfig: {
    rightCheck: {
      description:
        "One right-check at a time (rightCheck), and the town's zones (enforcementPlaces).",
    },
    batchCheck: {
      description: "Right-checks in batches of up to 100 (rightCheckBatch), and the town's zones.",
    },
    readZones: { description: "The town's zones, to choose where to check (enforcementPlaces)." },
    phoneLine: {
      description:
        "The town's telephony provider posts the phone line's webhooks with it (docs/partners/phone-webhook.md); no GraphQL operation.",
    },
  },
});

@ObjectType({
  description:
    "A town's machine key for a partner (a scan car, the town's own systems), as the town admin sees it: never its secret.",
})
export class PartnerKeyDto {
  @Field(() => ID, { description: 'The key; also the part of the secret after `pk_`.' })
  id!: string;

  @Field(() => String, { description: 'Who holds the key (a scan-car vendor, a town system).' })
  partnerName!: string;

  @Field(() => String, { description: 'What the town calls this key (a car, a system).' })
  label!: string;

  @Field(() => [PartnerKeyScopeEnum], { description: 'What the key may call.' })
  scopes!: MachineKeyScope[];

  @Field(() => String, {
    description: 'The start of the key as the partner sends it (`pk_<id>_…`), to recognise it.',
  })
  keyPrefix!: string;

  @Field(() => Date, { description: 'When the key was made.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'The last rotation; null: never rotated.' })
  rotatedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'Until when the secret a rotation replaced still works; null: only the current secret works.',
  })
  previousSecretExpiresAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was revoked; null: in use.' })
  revokedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'The last request made with the key (written in batches: up to a few seconds behind); null: never used.',
  })
  lastUsedAt!: Date | null;

  @Field(() => Int, {
    description: "Requests today (the town's calendar day), as far as counted (see lastUsedAt).",
  })
  requestsToday!: number;

  @Field(() => Int, { description: 'Requests in the last 7 days, today included.' })
  requestsLast7Days!: number;

  @Field(() => Int, {
    description: "Requests per minute the key may make: its own budget or the platform's default.",
  })
  requestsPerMinute!: number;

  @Field(() => Int, {
    description:
      "Operation cost per minute the key may spend (the cost the operation limits weigh): its own or the platform's default.",
  })
  costPerMinute!: number;

  @Field(() => Boolean, {
    description: "Whether the budgets are the key's own (else the platform's defaults).",
  })
  ownBudget!: boolean;
}

@ObjectType({
  description:
    'A key with its whole secret, answered once when it is made or rotated: only a hash is kept, so it cannot be shown again.',
})
export class IssuedPartnerKeyDto {
  @Field(() => PartnerKeyDto, { description: 'The key.' })
  partnerKey!: PartnerKeyDto;

  @Field(() => String, {
    description:
      'The whole key to configure at the partner, sent as `Authorization: Bearer <secret>`.',
  })
  secret!: string;
}

@InputType({ description: "A new machine key for the admin's town." })
export class CreatePartnerKeyInput {
  @Field(() => String, { description: 'Who will hold the key; 1 to 100 characters.' })
  partnerName!: string;

  @Field(() => String, { description: 'What the town calls this key; 1 to 100 characters.' })
  label!: string;

  @Field(() => [PartnerKeyScopeEnum], { description: 'What the key may call; at least one.' })
  scopes!: MachineKeyScope[];

  @Field(() => Int, {
    nullable: true,
    description: "Requests per minute, 1 to 100000; null: the platform's default.",
  })
  requestsPerMinute?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Operation cost per minute, 1 to 10000000; null: the platform's default.",
  })
  costPerMinute?: number | null;
}

@InputType({ description: "A machine key's own budgets per minute; null: the platform's default." })
export class PartnerKeyBudgetInput {
  @Field(() => Int, { nullable: true, description: 'Requests per minute, 1 to 100000.' })
  requestsPerMinute?: number | null;

  @Field(() => Int, { nullable: true, description: 'Operation cost per minute, 1 to 10000000.' })
  costPerMinute?: number | null;
}
