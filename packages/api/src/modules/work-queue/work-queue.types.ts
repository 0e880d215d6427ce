import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { JobKind } from '../../model/scheduled-job.entity.js';

/** The kinds of work as GraphQL names them (the same words). */
export const JobKindValues = {
  settlePermit: 'settlePermit',
  retention: 'retention',
  refundPayment: 'refundPayment',
  sendMail: 'sendMail',
} as const satisfies { [K in JobKind]: K };

registerEnumType(JobKindValues, {
  name: 'JobKind',
  description: 'A kind of work in the work queue.',
  valuesConfig: {
    settlePermit: { description: "Ending and starting a permit's sessions when due." },
    retention: { description: 'The hourly retention run (docs/rules.md §8).' },
    refundPayment: { description: 'Sending a decided refund to the payment provider.' },
    sendMail: { description: 'Sending one mail.' },
  },
});

@ObjectType({
  description:
    'One job of the work queue as the platform admin sees it: what it is about, never the personal data it carries.',
})
export class QueueJob {
  @Field(() => ID)
  id!: string;

  @Field(() => JobKindValues)
  kind!: JobKind;

  @Field(() => String, {
    description:
      "What it is about: a mail's subject line, else the id of the permit or payment ('all' for retention).",
  })
  subject!: string;

  @Field(() => String, {
    nullable: true,
    description: 'A mail\'s recipient, masked (e.g. "a•••@d•••.nl"); null for other kinds.',
  })
  recipient!: string | null;

  @Field(() => Int, { description: 'Attempts since the last success.' })
  attempts!: number;

  @Field(() => String, {
    nullable: true,
    description: 'The last failure, scrubbed of values quoted from data.',
  })
  lastError!: string | null;

  @Field(() => Date, { description: 'When it is due (again).' })
  runAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When it was dead-lettered after its last allowed attempt; null once retried.',
  })
  deadAt!: Date | null;
}
