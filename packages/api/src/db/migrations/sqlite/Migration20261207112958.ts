import { Migration } from '@mikro-orm/migrations';

export class Migration20261207112958 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(
      `create table \`auth_session__temp_alter\` (\`id\` text not null, \`token_hash\` text not null, \`account_id\` text null, \`permit_id\` text null, \`language\` text null, \`kind\` text not null, \`remember\` integer not null default false, \`expires_at\` datetime not null, \`last_seen_at\` datetime not null, \`method\` text not null default 'password', \`assurance\` text null, \`acting_for_id\` text null, \`acting_for_label\` text null, \`created_at\` datetime not null, constraint \`auth_session_account_id_foreign\` foreign key(\`account_id\`) references \`account\`(\`id\`) on delete cascade on update cascade, constraint \`auth_session_permit_id_foreign\` foreign key(\`permit_id\`) references \`permit\`(\`id\`) on delete cascade on update cascade, constraint \`auth_session_acting_for_id_foreign\` foreign key(\`acting_for_id\`) references \`account\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `insert into \`auth_session__temp_alter\` select \`id\`, \`token_hash\`, \`account_id\`, \`permit_id\`, \`language\`, \`kind\`, \`remember\`, \`expires_at\`, \`last_seen_at\`, \`method\`, \`assurance\`, \`acting_for_id\`, \`acting_for_label\`, \`created_at\` from \`auth_session\`;`,
    );
    this.addSql(`drop table \`auth_session\`;`);
    this.addSql(`alter table \`auth_session__temp_alter\` rename to \`auth_session\`;`);
    this.addSql(
      `create unique index \`auth_session_token_hash_unique\` on \`auth_session\` (\`token_hash\`);`,
    );
    this.addSql(
      `create index \`auth_session_account_id_index\` on \`auth_session\` (\`account_id\`);`,
    );
    this.addSql(
      `create index \`auth_session_permit_id_index\` on \`auth_session\` (\`permit_id\`);`,
    );
    this.addSql(
      `create index \`auth_session_acting_for_id_index\` on \`auth_session\` (\`acting_for_id\`);`,
    );
    this.addSql(`pragma foreign_keys = on;`);
  }
}
