import { Migration } from '@mikro-orm/migrations';

export class Migration20261207074850 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table \`municipality\` add column \`objection_period_days\` integer not null default 42;`,
    );

    this.addSql(`alter table \`right_check_log\` add column \`fine_reference\` text null;`);
    this.addSql(`alter table \`right_check_log\` add column \`fined_at\` datetime null;`);
    this.addSql(`alter table \`right_check_log\` add column \`kept_until\` datetime null;`);
    this.addSql(
      `create index \`right_check_log_fine_reference_index\` on \`right_check_log\` (\`fine_reference\`);`,
    );

    this.addSql(
      `alter table \`fine_waiver\` add column \`fine_check_id\` text null constraint \`fine_waiver_fine_check_id_foreign\` references \`right_check_log\` (\`id\`) on update cascade on delete set null;`,
    );
    this.addSql(
      `create index \`fine_waiver_fine_check_id_index\` on \`fine_waiver\` (\`fine_check_id\`);`,
    );

    this.addSql(`alter table \`parking_session\` add column \`kept_until\` datetime null;`);
  }
}
