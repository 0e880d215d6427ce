import { AppError } from '../../graphql/app-error.js';
import { retryDeadJob } from '../../jobs/work-queue.js';
import { MailOutbox } from '../../model/mail-outbox.entity.js';
import { ScheduledJob } from '../../model/scheduled-job.entity.js';
import { recordChange } from '../audit/audit-log.js';
import { maskedRecipient } from './masked-recipient.js';
import type { QueueJob } from './work-queue.types.js';
import type { AdminWork } from '../admin/admin-scope.js';

/** The most dead-lettered jobs listed at once, newest first: more means an outage to fix. */
const deadLetterListLimit = 200;

/**
 * The work queue's dead letter for the platform admin: what failed for good, and putting it back
 * (docs/operations.md, "The work queue"). Mails show their subject line and a masked recipient.
 */
export class WorkQueueAdminService {
  constructor(private readonly admin: AdminWork) {}

  async deadLettered(): Promise<QueueJob[]> {
    const jobs = await this.admin.em.find(
      ScheduledJob,
      { deadAt: { $ne: null } },
      { orderBy: { deadAt: 'desc', id: 'asc' }, limit: deadLetterListLimit },
    );
    return this.described(jobs);
  }

  /** Puts a dead-lettered job back as due now, attempts reset; an audit entry says who did. */
  async retry(id: string): Promise<QueueJob> {
    const job = await this.admin.em.transactional(async (tx) => {
      const dead = await tx.findOne(ScheduledJob, { id, deadAt: { $ne: null } });
      // Retried by someone else meanwhile, or never dead: not in the dead letter.
      if (!dead || !(await retryDeadJob(tx, id, this.admin.now))) throw new AppError('NOT_FOUND');
      recordChange(tx, this.admin, {
        action: 'job.retry',
        subjectType: 'job',
        subjectId: id,
        subjectLabel: dead.kind,
        municipalityId: null,
        before: { attempts: dead.attempts, deadAt: dead.deadAt, lastError: dead.lastError },
        after: { attempts: 0, deadAt: null, runAt: this.admin.now },
      });
      return dead;
    });
    const [retried] = await this.described([
      Object.assign(job, { attempts: 0, deadAt: null, runAt: this.admin.now }),
    ]);
    return retried!;
  }

  private async described(jobs: readonly ScheduledJob[]): Promise<QueueJob[]> {
    const mailIds = jobs.filter((job) => job.kind === 'sendMail').map((job) => job.subject);
    const mails = mailIds.length
      ? await this.admin.em.find(
          MailOutbox,
          { id: { $in: mailIds } },
          { fields: ['id', 'subject', 'recipient'] },
        )
      : [];
    const mailOf = new Map(mails.map((mail) => [mail.id, mail]));
    return jobs.map((job) => {
      const mail = job.kind === 'sendMail' ? mailOf.get(job.subject) : undefined;
      return {
        id: job.id,
        kind: job.kind,
        subject: mail ? mail.subject : job.subject,
        recipient: mail ? maskedRecipient(mail.recipient) : null,
        attempts: job.attempts,
        lastError: job.lastError ?? null,
        runAt: job.runAt,
        deadAt: job.deadAt ?? null,
      };
    });
  }
}
