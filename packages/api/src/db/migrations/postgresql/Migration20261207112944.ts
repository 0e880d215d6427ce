import { Migration } from '@mikro-orm/migrations';

export class Migration20261207112944 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "auth_session" add column "permit_id" uuid null, add column "language" varchar(2) null;`,
    );
    this.addSql(`alter table "auth_session" alter column "account_id" drop default;`);
    this.addSql(
      `alter table "auth_session" alter column "account_id" type uuid using ("account_id"::text::uuid);`,
    );
    this.addSql(`alter table "auth_session" alter column "account_id" drop not null;`);
    this.addSql(
      `alter table "auth_session" add constraint "auth_session_permit_id_foreign" foreign key ("permit_id") references "permit" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "auth_session" drop constraint "auth_session_permit_id_foreign";`);

    this.addSql(`alter table "auth_session" drop column "permit_id", drop column "language";`);

    this.addSql(`alter table "auth_session" alter column "account_id" drop default;`);
    this.addSql(
      `alter table "auth_session" alter column "account_id" type uuid using ("account_id"::text::uuid);`,
    );
    this.addSql(`alter table "auth_session" alter column "account_id" set not null;`);
  }
}
