import { Migration } from '@mikro-orm/migrations';

export class Migration20261206195246 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "rate_limit_counter" ("key" varchar(255) not null, "points" int not null, "expire" bigint not null, constraint "rate_limit_counter_pkey" primary key ("key"));`,
    );
    this.addSql(
      `create index "rate_limit_counter_expire_index" on "rate_limit_counter" ("expire");`,
    );

    this.addSql(`drop table if exists "rate_limit_hit" cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `create table "rate_limit_hit" ("id" uuid not null, "bucket" varchar(40) not null, "subject" varchar(254) not null, "at" timestamptz(6) not null, constraint "rate_limit_hit_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "rate_limit_hit_bucket_subject_at_index" on "rate_limit_hit" ("bucket", "subject", "at");`,
    );

    this.addSql(`drop table if exists "rate_limit_counter" cascade;`);
  }
}
