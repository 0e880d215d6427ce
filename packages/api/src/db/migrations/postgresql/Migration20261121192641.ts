import { Migration } from '@mikro-orm/migrations';

export class Migration20261121192641 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "scheduled_job" ("id" uuid not null, "kind" varchar(30) not null, "subject" varchar(64) not null, "run_at" timestamptz not null, "locked_until" timestamptz null, "locked_by" varchar(64) null, "done_at" timestamptz null, "attempts" int not null default 0, "last_error" varchar(500) null, constraint "scheduled_job_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "scheduled_job_done_at_run_at_index" on "scheduled_job" ("done_at", "run_at");`,
    );
    this.addSql(
      `alter table "scheduled_job" add constraint "scheduled_job_kind_subject_unique" unique ("kind", "subject");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "scheduled_job" cascade;`);
  }
}
