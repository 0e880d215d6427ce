import { Migration } from '@mikro-orm/migrations';

export class Migration20261207143903 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "account" add column "language_chosen" boolean not null default false;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "account" drop column "language_chosen";`);
  }
}
