import { Migration } from '@mikro-orm/migrations';

export class Migration20261207075609 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table \`permit_application\` add column \`review_reasons\` json not null default '[]';`,
    );
  }
}
