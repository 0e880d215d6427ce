import { Migration } from '@mikro-orm/migrations';

export class Migration20261207042601 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "municipality" add column "residence_check" varchar(20) not null default 'none';`,
    );

    this.addSql(`alter table "identity_link" add column "subject_sealed" text null;`);

    this.addSql(`alter table "permit" add column "moved_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "identity_link" drop column "subject_sealed";`);

    this.addSql(`alter table "municipality" drop column "residence_check";`);

    this.addSql(`alter table "permit" drop column "moved_at";`);
  }
}
