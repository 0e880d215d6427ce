import { Migration } from '@mikro-orm/migrations';

export class Migration20261207182707 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "parking_session" add column "started_by_app_id" uuid null;`);
    this.addSql(
      `alter table "parking_session" add constraint "parking_session_started_by_app_id_foreign" foreign key ("started_by_app_id") references "partner_app" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "parking_session" drop constraint "parking_session_started_by_app_id_foreign";`,
    );

    this.addSql(`alter table "parking_session" drop column "started_by_app_id";`);
  }
}
