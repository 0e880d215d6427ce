import { Migration } from '@mikro-orm/migrations';

export class Migration20261206195125 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "payment" add column "refund_reason" varchar(30) null, add column "refund_ref" varchar(120) null, add column "refunded_at" timestamptz null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "payment" drop column "refund_reason", drop column "refund_ref", drop column "refunded_at";`,
    );
  }
}
