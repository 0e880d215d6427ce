import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection.js';

@ObjectType({ description: 'One change an administrator made, as it was.' })
export class AuditLogEntry {
  @Field(() => ID, { description: 'The log entry.' })
  id!: string;

  @Field(() => Date, { description: 'When the change was made.' })
  at!: Date;

  @Field(() => String, { description: "The administrator's e-mail address." })
  actor!: string;

  @Field(() => String, { description: "What was done, e.g. 'zone.regime.set', 'permit.block'." })
  action!: string;

  @Field(() => String, {
    description: "'municipality', 'zone', 'productType', 'tariff', 'permit', …",
  })
  subjectType!: string;

  @Field(() => ID, { description: 'The id of what was changed (of the kind subjectType names).' })
  subjectId!: string;

  @Field(() => String, { description: 'A short label: a zone code, a product code.' })
  subjectLabel!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The subject before the change.' })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The subject after the change.' })
  after!: unknown;

  @Field(() => String, {
    nullable: true,
    description:
      "What a permit's or product's balance counts ('minutes' or 'cents'); null for other subjects.",
  })
  balanceUnit!: string | null;
}

@ObjectType('AuditLogConnection', {
  description: 'A page of the audit log, newest first (docs/graphql.md, Lists: connections).',
})
export class AuditLogConnection extends ConnectionType(AuditLogEntry, 'AuditLog') {}

@InputType({ description: 'Every field narrows the list; none: all changes, newest first.' })
export class AuditLogFilter {
  @Field(() => String, { nullable: true, description: "Actions starting with this, e.g. 'zone.'." })
  action?: string | null;

  @Field(() => String, {
    description: "Only changes of this kind of subject, e.g. 'zone'.",
    nullable: true,
  })
  subjectType?: string | null;

  @Field(() => ID, { description: 'Only changes of this subject.', nullable: true })
  subjectId?: string | null;

  @Field(() => String, { nullable: true, description: "Part of the administrator's e-mail." })
  actor?: string | null;

  @Field(() => Date, { nullable: true, description: 'Changes at or after this moment.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Changes before this moment.' })
  until?: Date | null;
}
