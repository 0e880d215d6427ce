import { Migration } from '@mikro-orm/migrations';

export class Migration20261207112932 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table \`auth_session\` add column \`permit_id\` text null constraint \`auth_session_permit_id_foreign\` references \`permit\` (\`id\`) on update cascade on delete cascade;`,
    );
    this.addSql(`alter table \`auth_session\` add column \`language\` text null;`);
    this.addSql(
      `create index \`auth_session_permit_id_index\` on \`auth_session\` (\`permit_id\`);`,
    );
  }
}
