import { Migration } from '@mikro-orm/migrations';

export class Migration20261121175241 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`auth_session\` (\`id\` text not null, \`token_hash\` text not null, \`account_id\` text not null, \`kind\` text not null, \`remember\` integer not null default false, \`expires_at\` datetime not null, \`last_seen_at\` datetime not null, \`created_at\` datetime not null, constraint \`auth_session_account_id_foreign\` foreign key(\`account_id\`) references \`account\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`auth_session_token_hash_unique\` on \`auth_session\` (\`token_hash\`);`,
    );
    this.addSql(
      `create index \`auth_session_account_id_index\` on \`auth_session\` (\`account_id\`);`,
    );
  }
}
