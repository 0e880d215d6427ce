import { Migration } from '@mikro-orm/migrations';

export class Migration20261207040804 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "permit_application" add column "unanswered_registries" jsonb not null default '[]';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "permit_application" drop column "unanswered_registries";`);
  }
}
