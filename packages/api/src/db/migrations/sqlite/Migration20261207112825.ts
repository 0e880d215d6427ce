import { Migration } from '@mikro-orm/migrations';

export class Migration20261207112825 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`desk_grant\` (\`id\` text not null, \`account_id\` text not null, \`permit_id\` text not null, \`created_at\` datetime not null, \`expires_at\` datetime not null, constraint \`desk_grant_account_id_foreign\` foreign key(\`account_id\`) references \`account\`(\`id\`) on update cascade, constraint \`desk_grant_permit_id_foreign\` foreign key(\`permit_id\`) references \`permit\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`desk_grant_account_id_index\` on \`desk_grant\` (\`account_id\`);`);
    this.addSql(`create index \`desk_grant_permit_id_index\` on \`desk_grant\` (\`permit_id\`);`);
    this.addSql(
      `create index \`desk_grant_account_id_expires_at_index\` on \`desk_grant\` (\`account_id\`, \`expires_at\`);`,
    );
  }
}
