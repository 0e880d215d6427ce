import { Migration } from '@mikro-orm/migrations';

export class Migration20261207175618 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "payment" add column "method" varchar(12) not null default 'ideal';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "payment" drop column "method";`);
  }
}
