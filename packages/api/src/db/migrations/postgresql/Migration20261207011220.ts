import { Migration } from '@mikro-orm/migrations';

export class Migration20261207011220 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "permit" add column "reminded_until" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "permit" drop column "reminded_until";`);
  }
}
