import { Migration } from '@mikro-orm/migrations';

export class Migration20261207040801 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table \`permit_application\` add column \`unanswered_registries\` json not null default '[]';`,
    );
  }
}
