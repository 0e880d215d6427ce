import { Migration } from '@mikro-orm/migrations';

export class Migration20261207124312 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table \`municipality\` add column \`registration_login_top_ups\` integer not null default false;`,
    );

    this.addSql(
      `alter table \`payment\` add column \`by_registration_login\` integer not null default false;`,
    );
  }
}
