import { Migration } from '@mikro-orm/migrations';

export class Migration20261206195243 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`rate_limit_counter\` (\`key\` text not null, \`points\` integer not null, \`expire\` bigint not null, primary key (\`key\`));`,
    );
    this.addSql(
      `create index \`rate_limit_counter_expire_index\` on \`rate_limit_counter\` (\`expire\`);`,
    );

    this.addSql(`drop table if exists \`rate_limit_hit\`;`);
  }
}
