import { Migration } from '@mikro-orm/migrations';

export class Migration20261207182646 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table \`parking_session\` add column \`started_by_app_id\` text null constraint \`parking_session_started_by_app_id_foreign\` references \`partner_app\` (\`id\`) on update cascade on delete set null;`,
    );
    this.addSql(
      `create index \`parking_session_started_by_app_id_index\` on \`parking_session\` (\`started_by_app_id\`);`,
    );
  }
}
