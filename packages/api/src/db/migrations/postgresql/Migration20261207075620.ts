import { Migration } from '@mikro-orm/migrations';

export class Migration20261207075620 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "permit_application" add column "review_reasons" jsonb not null default '[]';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "permit_application" drop column "review_reasons";`);
  }
}
