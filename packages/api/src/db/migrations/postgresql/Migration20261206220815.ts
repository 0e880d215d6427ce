import { Migration } from '@mikro-orm/migrations';

export class Migration20261206220815 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "scheduled_job" add column "dead_at" timestamptz null;`);
    this.addSql(`create index "scheduled_job_dead_at_index" on "scheduled_job" ("dead_at");`);
    // Mail moves into the work queue: each mail not yet sent gets its sendMail job with its
    // attempts and error so far, and a next attempt the outbox's own sender (of the version
    // before, during a rolling restart) never reaches (legacySenderNever).
    this.addSql(
      `insert into "scheduled_job" ("id", "kind", "subject", "run_at", "attempts", "last_error") select gen_random_uuid(), 'sendMail', "id"::text, "next_attempt_at", "attempts", "last_error" from "mail_outbox" where "sent_at" is null on conflict ("kind", "subject") do nothing;`,
    );
    this.addSql(
      `update "mail_outbox" set "next_attempt_at" = '9999-12-31T00:00:00Z' where "sent_at" is null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `update "mail_outbox" set "next_attempt_at" = now() where "sent_at" is null and "next_attempt_at" = '9999-12-31T00:00:00Z';`,
    );
    this.addSql(`delete from "scheduled_job" where "kind" = 'sendMail';`);
    this.addSql(`drop index "scheduled_job_dead_at_index";`);
    this.addSql(`alter table "scheduled_job" drop column "dead_at";`);
  }
}
