import { Migration } from '@mikro-orm/migrations';

export class Migration20261207150823 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`oauth_record\` (\`id\` text not null, \`model\` text not null, \`key\` text not null, \`payload\` json not null, \`grant_key\` text null, \`uid_key\` text null, \`account_id\` text null, \`client_id\` text null, \`expires_at\` datetime null, \`granted_at\` datetime null, \`last_used_at\` datetime null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`oauth_record_grant_key_index\` on \`oauth_record\` (\`grant_key\`);`,
    );
    this.addSql(`create index \`oauth_record_uid_key_index\` on \`oauth_record\` (\`uid_key\`);`);
    this.addSql(
      `create index \`oauth_record_account_id_index\` on \`oauth_record\` (\`account_id\`);`,
    );
    this.addSql(
      `create index \`oauth_record_expires_at_index\` on \`oauth_record\` (\`expires_at\`);`,
    );
    this.addSql(
      `create unique index \`oauth_record_model_key_unique\` on \`oauth_record\` (\`model\`, \`key\`);`,
    );

    this.addSql(
      `create table \`partner_app\` (\`id\` text not null, \`client_id\` text not null, \`name\` text not null, \`owner\` text not null, \`contact_email\` text not null, \`redirect_uris\` json not null, \`scopes\` json not null, \`kind\` text not null, \`secret_hash\` text null, \`disabled\` integer not null default false, \`created_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`partner_app_client_id_unique\` on \`partner_app\` (\`client_id\`);`,
    );
  }
}
