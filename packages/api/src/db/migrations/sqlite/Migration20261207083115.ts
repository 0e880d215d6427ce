import { Migration } from '@mikro-orm/migrations';

export class Migration20261207083115 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`phone_call\` (\`call_id\` text not null, \`state\` json not null, \`permit_id\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`expires_at\` datetime not null, primary key (\`call_id\`));`,
    );
    this.addSql(`create index \`phone_call_expires_at_index\` on \`phone_call\` (\`expires_at\`);`);
  }
}
