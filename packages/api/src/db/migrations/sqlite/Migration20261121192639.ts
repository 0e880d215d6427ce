import { Migration } from '@mikro-orm/migrations';

export class Migration20261121192639 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`scheduled_job\` (\`id\` text not null, \`kind\` text not null, \`subject\` text not null, \`run_at\` datetime not null, \`locked_until\` datetime null, \`locked_by\` text null, \`done_at\` datetime null, \`attempts\` integer not null default 0, \`last_error\` text null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`scheduled_job_done_at_run_at_index\` on \`scheduled_job\` (\`done_at\`, \`run_at\`);`,
    );
    this.addSql(
      `create unique index \`scheduled_job_kind_subject_unique\` on \`scheduled_job\` (\`kind\`, \`subject\`);`,
    );
  }
}
