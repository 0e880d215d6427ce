import { Migration } from '@mikro-orm/migrations';

export class Migration20261206224002 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "idempotency_claim" add column "worked_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "idempotency_claim" drop column "worked_at";`);
  }
}
