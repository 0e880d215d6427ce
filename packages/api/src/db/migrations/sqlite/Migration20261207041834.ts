import { Migration } from '@mikro-orm/migrations';

export class Migration20261207041834 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table \`permit_application\` add column \`establishment_number\` text null;`,
    );
  }
}
