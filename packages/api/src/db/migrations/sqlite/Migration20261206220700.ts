import { Migration } from '@mikro-orm/migrations';

export class Migration20261206220700 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`idempotency_claim\` (\`id\` text not null, \`account_id\` text not null, \`operation\` text not null, \`key\` text not null, \`fingerprint\` text not null, \`status\` text not null, \`answer\` text null, \`lease_until\` datetime null, \`created_at\` datetime not null, constraint \`idempotency_claim_account_id_foreign\` foreign key(\`account_id\`) references \`account\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`idempotency_claim_account_id_index\` on \`idempotency_claim\` (\`account_id\`);`,
    );
    this.addSql(
      `create index \`idempotency_claim_created_at_index\` on \`idempotency_claim\` (\`created_at\`);`,
    );
    this.addSql(
      `create unique index \`idempotency_claim_account_id_operation_key_unique\` on \`idempotency_claim\` (\`account_id\`, \`operation\`, \`key\`);`,
    );
  }
}
