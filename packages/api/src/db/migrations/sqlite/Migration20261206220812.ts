import { Migration } from '@mikro-orm/migrations';

export class Migration20261206220812 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`scheduled_job\` add column \`dead_at\` datetime null;`);
    this.addSql(`create index \`scheduled_job_dead_at_index\` on \`scheduled_job\` (\`dead_at\`);`);
    // Mail moves into the work queue: each mail not yet sent gets its sendMail job with its
    // attempts and error so far, and a next attempt the outbox's own sender (of the version
    // before, during a rolling restart) never reaches (legacySenderNever, 9999-12-31).
    this.addSql(
      `insert into scheduled_job (id, kind, subject, run_at, attempts, last_error) select lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'sendMail', id, next_attempt_at, attempts, last_error from mail_outbox where sent_at is null on conflict (kind, subject) do nothing;`,
    );
    this.addSql(`update mail_outbox set next_attempt_at = 253402214400000 where sent_at is null;`);
  }
}
