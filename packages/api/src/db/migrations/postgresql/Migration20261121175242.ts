import { Migration } from '@mikro-orm/migrations';

export class Migration20261121175242 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "auth_session" ("id" uuid not null, "token_hash" varchar(64) not null, "account_id" uuid not null, "kind" varchar(10) not null, "remember" boolean not null default false, "expires_at" timestamptz not null, "last_seen_at" timestamptz not null, "created_at" timestamptz not null, constraint "auth_session_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "auth_session" add constraint "auth_session_token_hash_unique" unique ("token_hash");`,
    );

    this.addSql(
      `alter table "auth_session" add constraint "auth_session_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "auth_session" cascade;`);
  }
}
