import { Migration } from '@mikro-orm/migrations';

export class Migration20261207124318 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "municipality" add column "registration_login_top_ups" boolean not null default false;`,
    );

    this.addSql(
      `alter table "payment" add column "by_registration_login" boolean not null default false;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "municipality" drop column "registration_login_top_ups";`);

    this.addSql(`alter table "payment" drop column "by_registration_login";`);
  }
}
