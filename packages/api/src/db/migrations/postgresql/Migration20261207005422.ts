import { Migration } from '@mikro-orm/migrations';

export class Migration20261207005422 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "mail_outbox" add column "attachments" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "mail_outbox" drop column "attachments";`);
  }
}
