import { Migration } from '@mikro-orm/migrations';

export class Migration20261121180115 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`mail_outbox\` (\`id\` text not null, \`recipient\` text not null, \`subject\` text not null, \`text\` text not null, \`html\` text null, \`created_at\` datetime not null, \`next_attempt_at\` datetime not null, \`sent_at\` datetime null, \`attempts\` integer not null default 0, \`last_error\` text null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`mail_outbox_sent_at_next_attempt_at_index\` on \`mail_outbox\` (\`sent_at\`, \`next_attempt_at\`);`,
    );

    this.addSql(
      `create table \`rate_limit_hit\` (\`id\` text not null, \`bucket\` text not null, \`subject\` text not null, \`at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`rate_limit_hit_bucket_subject_at_index\` on \`rate_limit_hit\` (\`bucket\`, \`subject\`, \`at\`);`,
    );

    this.addSql(
      `create table \`right_check_log\` (\`id\` text not null, \`checked_by_id\` text not null, \`checked_at\` datetime not null, \`checked_for\` datetime not null, \`zone_id\` text not null, \`valid\` integer not null, \`right_kind\` text null, \`created_at\` datetime not null, constraint \`right_check_log_checked_by_id_foreign\` foreign key(\`checked_by_id\`) references \`account\`(\`id\`) on update cascade, constraint \`right_check_log_zone_id_foreign\` foreign key(\`zone_id\`) references \`zone\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`right_check_log_checked_by_id_index\` on \`right_check_log\` (\`checked_by_id\`);`,
    );
    this.addSql(
      `create index \`right_check_log_checked_at_index\` on \`right_check_log\` (\`checked_at\`);`,
    );
    this.addSql(
      `create index \`right_check_log_zone_id_index\` on \`right_check_log\` (\`zone_id\`);`,
    );

    this.addSql(
      `create table \`payment\` (\`id\` text not null, \`permit_id\` text not null, \`account_id\` text not null, \`amount\` integer not null, \`price_cents\` integer not null, \`fee_cents\` integer not null, \`total_cents\` integer not null, \`provider\` text not null, \`provider_ref\` text null, \`status\` text not null default 'open', \`idempotency_key\` text not null, \`created_at\` datetime not null, \`completed_at\` datetime null, constraint \`payment_permit_id_foreign\` foreign key(\`permit_id\`) references \`permit\`(\`id\`) on update cascade, constraint \`payment_account_id_foreign\` foreign key(\`account_id\`) references \`account\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`payment_permit_id_index\` on \`payment\` (\`permit_id\`);`);
    this.addSql(`create index \`payment_account_id_index\` on \`payment\` (\`account_id\`);`);
    this.addSql(
      `create unique index \`payment_provider_ref_unique\` on \`payment\` (\`provider_ref\`);`,
    );
    this.addSql(
      `create unique index \`payment_permit_id_idempotency_key_unique\` on \`payment\` (\`permit_id\`, \`idempotency_key\`);`,
    );

    this.addSql(
      `create table \`favorite\` (\`id\` text not null, \`permit_id\` text not null, \`plate\` text not null, \`country\` text not null default 'NL', \`name\` text not null, \`created_at\` datetime not null, constraint \`favorite_permit_id_foreign\` foreign key(\`permit_id\`) references \`permit\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`favorite_permit_id_index\` on \`favorite\` (\`permit_id\`);`);
    this.addSql(
      `create unique index \`favorite_permit_id_plate_unique\` on \`favorite\` (\`permit_id\`, \`plate\`);`,
    );

    this.addSql(
      `create table \`delegation\` (\`id\` text not null, \`permit_id\` text not null, \`email\` text not null, \`delegate_id\` text null, \`plate\` text null, \`country\` text null, \`budget\` integer not null, \`balance\` integer not null, \`version\` integer not null default 1, \`status\` text not null default 'invited', \`created_at\` datetime not null, \`accepted_at\` datetime null, \`revoked_at\` datetime null, constraint \`delegation_permit_id_foreign\` foreign key(\`permit_id\`) references \`permit\`(\`id\`) on update cascade, constraint \`delegation_delegate_id_foreign\` foreign key(\`delegate_id\`) references \`account\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`delegation_permit_id_index\` on \`delegation\` (\`permit_id\`);`);
    this.addSql(
      `create index \`delegation_delegate_id_index\` on \`delegation\` (\`delegate_id\`);`,
    );
    this.addSql(
      `create index \`delegation_delegate_id_status_index\` on \`delegation\` (\`delegate_id\`, \`status\`);`,
    );

    this.addSql(
      `create table \`email_token\` (\`id\` text not null, \`token_hash\` text not null, \`purpose\` text not null, \`email\` text not null, \`account_id\` text null, \`permit_id\` text null, \`delegation_id\` text null, \`expires_at\` datetime not null, \`used_at\` datetime null, \`created_at\` datetime not null, constraint \`email_token_account_id_foreign\` foreign key(\`account_id\`) references \`account\`(\`id\`) on delete cascade on update cascade, constraint \`email_token_permit_id_foreign\` foreign key(\`permit_id\`) references \`permit\`(\`id\`) on delete set null on update cascade, constraint \`email_token_delegation_id_foreign\` foreign key(\`delegation_id\`) references \`delegation\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`email_token_token_hash_unique\` on \`email_token\` (\`token_hash\`);`,
    );
    this.addSql(
      `create index \`email_token_account_id_index\` on \`email_token\` (\`account_id\`);`,
    );
    this.addSql(`create index \`email_token_permit_id_index\` on \`email_token\` (\`permit_id\`);`);
    this.addSql(
      `create index \`email_token_delegation_id_index\` on \`email_token\` (\`delegation_id\`);`,
    );
    this.addSql(
      `create index \`email_token_expires_at_index\` on \`email_token\` (\`expires_at\`);`,
    );

    this.addSql(
      `alter table \`parking_session\` add column \`delegation_id\` text null constraint \`parking_session_delegation_id_foreign\` references \`delegation\` (\`id\`) on update cascade on delete set null;`,
    );
    this.addSql(
      `create index \`parking_session_delegation_id_index\` on \`parking_session\` (\`delegation_id\`);`,
    );

    this.addSql(`alter table \`ledger_entry\` add column \`pot\` text not null default 'permit';`);
    this.addSql(
      `alter table \`ledger_entry\` add column \`delegation_id\` text null constraint \`ledger_entry_delegation_id_foreign\` references \`delegation\` (\`id\`) on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table \`ledger_entry\` add column \`payment_id\` text null constraint \`ledger_entry_payment_id_foreign\` references \`payment\` (\`id\`) on update cascade on delete set null;`,
    );
    this.addSql(
      `create index \`ledger_entry_delegation_id_index\` on \`ledger_entry\` (\`delegation_id\`);`,
    );
    this.addSql(
      `create index \`ledger_entry_payment_id_index\` on \`ledger_entry\` (\`payment_id\`);`,
    );
  }
}
