import { Migration } from '@mikro-orm/migrations';

export class Migration20261207004756 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`identity_provider\` (\`id\` text not null, \`municipality_id\` text not null, \`kind\` text not null, \`enabled\` integer not null default true, \`issuer\` text not null, \`client_id\` text not null, \`client_secret\` text not null, \`scopes\` text not null, \`claims\` json not null, \`minimum_assurance\` text not null, \`updated_at\` datetime not null, constraint \`identity_provider_municipality_id_foreign\` foreign key(\`municipality_id\`) references \`municipality\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`identity_provider_municipality_id_index\` on \`identity_provider\` (\`municipality_id\`);`,
    );
    this.addSql(
      `create unique index \`identity_provider_municipality_id_kind_unique\` on \`identity_provider\` (\`municipality_id\`, \`kind\`);`,
    );

    this.addSql(
      `create table \`identity_login\` (\`id\` text not null, \`binding_hash\` text not null, \`provider_id\` text not null, \`state\` text not null, \`nonce\` text not null, \`code_verifier\` text not null, \`return_to\` text not null, \`link_account_id\` text null, \`expires_at\` datetime not null, \`created_at\` datetime not null, constraint \`identity_login_provider_id_foreign\` foreign key(\`provider_id\`) references \`identity_provider\`(\`id\`) on delete cascade on update cascade, constraint \`identity_login_link_account_id_foreign\` foreign key(\`link_account_id\`) references \`account\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`identity_login_binding_hash_unique\` on \`identity_login\` (\`binding_hash\`);`,
    );
    this.addSql(
      `create index \`identity_login_provider_id_index\` on \`identity_login\` (\`provider_id\`);`,
    );
    this.addSql(
      `create index \`identity_login_link_account_id_index\` on \`identity_login\` (\`link_account_id\`);`,
    );
    this.addSql(
      `create index \`identity_login_expires_at_index\` on \`identity_login\` (\`expires_at\`);`,
    );

    this.addSql(
      `create table \`identity_link\` (\`id\` text not null, \`kind\` text not null, \`subject_hash\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, constraint \`identity_link_account_id_foreign\` foreign key(\`account_id\`) references \`account\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`identity_link_account_id_index\` on \`identity_link\` (\`account_id\`);`,
    );
    this.addSql(
      `create unique index \`identity_link_account_id_kind_unique\` on \`identity_link\` (\`account_id\`, \`kind\`);`,
    );
    this.addSql(
      `create unique index \`identity_link_kind_subject_hash_unique\` on \`identity_link\` (\`kind\`, \`subject_hash\`);`,
    );

    // An account made by a DigiD login may have no e-mail address. SQLite cannot drop a NOT NULL,
    // and copying the table would fire the cascades of every table that points at it; so the
    // column is replaced in place (DROP COLUMN runs no foreign-key actions).
    this.addSql(`alter table \`account\` add column \`email_nullable\` text null;`);
    this.addSql(`update \`account\` set \`email_nullable\` = \`email\`;`);
    this.addSql(`drop index \`account_email_unique\`;`);
    this.addSql(`alter table \`account\` drop column \`email\`;`);
    this.addSql(`alter table \`account\` rename column \`email_nullable\` to \`email\`;`);
    this.addSql(`create unique index \`account_email_unique\` on \`account\` (\`email\`);`);
    this.addSql(`alter table \`account\` add column \`kvk_number\` text null;`);
    this.addSql(`alter table \`account\` add column \`display_name\` text null;`);

    this.addSql(
      `alter table \`auth_session\` add column \`method\` text not null default 'password';`,
    );
    this.addSql(`alter table \`auth_session\` add column \`assurance\` text null;`);
    this.addSql(
      `alter table \`auth_session\` add column \`acting_for_id\` text null constraint \`auth_session_acting_for_id_foreign\` references \`account\` (\`id\`) on update cascade on delete cascade;`,
    );
    this.addSql(`alter table \`auth_session\` add column \`acting_for_label\` text null;`);
    this.addSql(
      `create index \`auth_session_acting_for_id_index\` on \`auth_session\` (\`acting_for_id\`);`,
    );
  }
}
