import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { JobKind } from '../../model/scheduled-job.entity.js';

/** The kinds of work as GraphQL names them (the same words). */
export const JobKindValues = {
  settlePermit: 'settlePermit',
  retention: 'retention',
  refundPayment: 'refundPayment',
  sendMail: 'sendMail',
  renderLetter: 'renderLetter',
  permitReminders: 'permitReminders',
  waitingLists: 'waitingLists',
  importAddresses: 'importAddresses',
  residenceRecheck: 'residenceRecheck',
  deliverWebhooks: 'deliverWebhooks',
} as const satisfies { [K in JobKind]: K };

registerEnumType(JobKindValues, {
  name: 'JobKind',
  description: 'A kind of work in the work queue.',
  valuesConfig: {
    settlePermit: { description: "Ending and starting a permit's sessions when due." },
    retention: { description: 'The hourly retention run (docs/rules.md §8).' },
    refundPayment: { description: 'Sending a decided refund to the payment provider.' },
    sendMail: { description: 'Sending one mail.' },
    renderLetter: {
      description: 'Printing a decision letter that could not be printed with its decision.',
    },
    permitReminders: {
      description: "The hourly run that mails holders whose counter permit's term ends soon.",
    },
    waitingLists: {
      description:
        'The run that lets lapsed waiting-list offers go and offers free places to the next in line (docs/rules.md §2 quotas).',
    },
    importAddresses: { description: "Reading a town's uploaded address file into its addresses." },
    residenceRecheck: {
      description:
        'The daily re-check of permit holders against the population register, which carries out their moves (docs/rules.md §2).',
    },
    deliverWebhooks: {
      description: "Sending one webhook subscription's events to its app, in order.",
    },
  },
});

@ObjectType({
  description:
    'One job of the work queue as the platform admin sees it: what it is about, never the personal data it carries.',
})
export class QueueJob {
  @Field(() => ID, { description: 'The job.' })
  id!: string;

  @Field(() => JobKindValues, { description: 'What kind of work.' })
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
