import { Migration } from '@mikro-orm/migrations';

export class Migration20261207175354 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`webhook_delivery\` (\`id\` text not null, \`subscription_id\` text not null, \`sequence\` bigint not null, \`type\` text not null, \`account_id\` text not null, \`permit_id\` text not null, \`body\` text not null, \`occurred_at\` datetime not null, \`created_at\` datetime not null, \`status\` text not null default 'pending', \`attempts\` integer not null default 0, \`next_attempt_at\` datetime null, \`delivered_at\` datetime null, \`attempt_log\` json not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`webhook_delivery_created_at_index\` on \`webhook_delivery\` (\`created_at\`);`,
    );
    this.addSql(
      `create index \`webhook_delivery_subscription_id_status_sequence_index\` on \`webhook_delivery\` (\`subscription_id\`, \`status\`, \`sequence\`);`,
    );

    this.addSql(
      `create table \`webhook_subscription\` (\`id\` text not null, \`app_id\` text not null, \`url\` text not null, \`event_types\` json not null, \`secret_sealed\` text not null, \`secret_created_at\` datetime not null, \`disabled\` integer not null default false, \`created_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`webhook_subscription_app_id_unique\` on \`webhook_subscription\` (\`app_id\`);`,
    );
  }
}
