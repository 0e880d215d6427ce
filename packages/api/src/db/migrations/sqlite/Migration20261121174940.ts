import { Migration } from '@mikro-orm/migrations';

export class Migration20261121174940 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`municipality\` (\`id\` text not null, \`code\` text not null, \`name\` text not null, \`time_zone\` text not null default 'Europe/Amsterdam', \`logo_url\` text null, \`retention\` json not null, \`created_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(`create unique index \`municipality_code_unique\` on \`municipality\` (\`code\`);`);

    this.addSql(
      `create table \`account\` (\`id\` text not null, \`email\` text not null, \`password_hash\` text null, \`role\` text not null, \`municipality_id\` text null, \`language\` text not null default 'nl', \`high_contrast\` integer not null default false, \`start_permit_id\` text null, \`created_at\` datetime not null, constraint \`account_municipality_id_foreign\` foreign key(\`municipality_id\`) references \`municipality\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create unique index \`account_email_unique\` on \`account\` (\`email\`);`);
    this.addSql(
      `create index \`account_municipality_id_index\` on \`account\` (\`municipality_id\`);`,
    );

    this.addSql(
      `create table \`product_type\` (\`id\` text not null, \`municipality_id\` text not null, \`code\` text not null, \`kind\` text not null, \`name\` json not null, \`balance_unit\` text null, \`minute_counting\` text not null default 'started', \`session_policy\` json null, \`top_up_policy\` json null, \`eligibility\` json not null, \`delegation_allowed\` integer not null default false, \`one_per_address\` integer not null default false, constraint \`product_type_municipality_id_foreign\` foreign key(\`municipality_id\`) references \`municipality\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`product_type_municipality_id_index\` on \`product_type\` (\`municipality_id\`);`,
    );
    this.addSql(
      `create unique index \`product_type_municipality_id_code_unique\` on \`product_type\` (\`municipality_id\`, \`code\`);`,
    );

    this.addSql(
      `create table \`zone\` (\`id\` text not null, \`municipality_id\` text not null, \`code\` text not null, \`name\` text not null, \`regime\` json not null, \`excluded_holder_types\` json not null, constraint \`zone_municipality_id_foreign\` foreign key(\`municipality_id\`) references \`municipality\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`zone_municipality_id_index\` on \`zone\` (\`municipality_id\`);`);
    this.addSql(
      `create unique index \`zone_municipality_id_code_unique\` on \`zone\` (\`municipality_id\`, \`code\`);`,
    );

    this.addSql(
      `create table \`tariff\` (\`id\` text not null, \`product_type_id\` text not null, \`zone_id\` text not null, \`valid_from\` text not null, \`cents_per_hour\` integer not null, constraint \`tariff_product_type_id_foreign\` foreign key(\`product_type_id\`) references \`product_type\`(\`id\`) on update cascade, constraint \`tariff_zone_id_foreign\` foreign key(\`zone_id\`) references \`zone\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`tariff_product_type_id_index\` on \`tariff\` (\`product_type_id\`);`,
    );
    this.addSql(`create index \`tariff_zone_id_index\` on \`tariff\` (\`zone_id\`);`);
    this.addSql(
      `create unique index \`tariff_product_type_id_zone_id_valid_from_unique\` on \`tariff\` (\`product_type_id\`, \`zone_id\`, \`valid_from\`);`,
    );

    this.addSql(
      `create table \`permit\` (\`id\` text not null, \`municipality_id\` text not null, \`product_type_id\` text not null, \`zone_id\` text not null, \`holder_id\` text null, \`holder_type\` text not null, \`address_key\` text not null, \`address_label\` text not null, \`valid_from\` datetime not null, \`valid_until\` datetime null, \`status\` text not null default 'active', \`product_code\` text not null, \`pin_hash\` text not null, \`balance\` integer not null default 0, \`version\` integer not null default 1, \`address_slot\` text null, \`created_at\` datetime not null, constraint \`permit_municipality_id_foreign\` foreign key(\`municipality_id\`) references \`municipality\`(\`id\`) on update cascade, constraint \`permit_product_type_id_foreign\` foreign key(\`product_type_id\`) references \`product_type\`(\`id\`) on update cascade, constraint \`permit_zone_id_foreign\` foreign key(\`zone_id\`) references \`zone\`(\`id\`) on update cascade, constraint \`permit_holder_id_foreign\` foreign key(\`holder_id\`) references \`account\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`permit_municipality_id_index\` on \`permit\` (\`municipality_id\`);`,
    );
    this.addSql(
      `create index \`permit_product_type_id_index\` on \`permit\` (\`product_type_id\`);`,
    );
    this.addSql(`create index \`permit_zone_id_index\` on \`permit\` (\`zone_id\`);`);
    this.addSql(`create index \`permit_holder_id_index\` on \`permit\` (\`holder_id\`);`);
    this.addSql(
      `create unique index \`permit_product_code_unique\` on \`permit\` (\`product_code\`);`,
    );
    this.addSql(
      `create unique index \`permit_product_type_id_address_slot_unique\` on \`permit\` (\`product_type_id\`, \`address_slot\`);`,
    );

    this.addSql(
      `create table \`permit_plate\` (\`id\` text not null, \`permit_id\` text not null, \`plate\` text not null, \`country\` text not null default 'NL', \`active_slot\` text null, constraint \`permit_plate_permit_id_foreign\` foreign key(\`permit_id\`) references \`permit\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`permit_plate_permit_id_index\` on \`permit_plate\` (\`permit_id\`);`,
    );
    this.addSql(`create index \`permit_plate_plate_index\` on \`permit_plate\` (\`plate\`);`);
    this.addSql(
      `create unique index \`permit_plate_active_slot_unique\` on \`permit_plate\` (\`active_slot\`);`,
    );
    this.addSql(
      `create unique index \`permit_plate_permit_id_plate_unique\` on \`permit_plate\` (\`permit_id\`, \`plate\`);`,
    );

    this.addSql(
      `create table \`parking_session\` (\`id\` text not null, \`permit_id\` text not null, \`plate\` text not null, \`country\` text not null default 'NL', \`start\` datetime not null, \`end\` datetime not null, \`stopped_at\` datetime null, \`reservation\` integer not null, \`charge\` integer null, \`started_by_id\` text null, \`channel\` text not null, \`status\` text not null, \`created_at\` datetime not null, constraint \`parking_session_permit_id_foreign\` foreign key(\`permit_id\`) references \`permit\`(\`id\`) on update cascade, constraint \`parking_session_started_by_id_foreign\` foreign key(\`started_by_id\`) references \`account\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`parking_session_permit_id_index\` on \`parking_session\` (\`permit_id\`);`,
    );
    this.addSql(
      `create index \`parking_session_started_by_id_index\` on \`parking_session\` (\`started_by_id\`);`,
    );
    this.addSql(
      `create index \`parking_session_permit_id_status_index\` on \`parking_session\` (\`permit_id\`, \`status\`);`,
    );
    this.addSql(
      `create index \`parking_session_plate_status_index\` on \`parking_session\` (\`plate\`, \`status\`);`,
    );

    this.addSql(
      `create table \`ledger_entry\` (\`id\` text not null, \`permit_id\` text not null, \`kind\` text not null, \`amount\` integer not null, \`balance_after\` integer not null, \`session_id\` text null, \`idempotency_key\` text null, \`created_by_id\` text null, \`created_at\` datetime not null, constraint \`ledger_entry_permit_id_foreign\` foreign key(\`permit_id\`) references \`permit\`(\`id\`) on update cascade, constraint \`ledger_entry_session_id_foreign\` foreign key(\`session_id\`) references \`parking_session\`(\`id\`) on delete set null on update cascade, constraint \`ledger_entry_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`account\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`ledger_entry_permit_id_index\` on \`ledger_entry\` (\`permit_id\`);`,
    );
    this.addSql(
      `create index \`ledger_entry_session_id_index\` on \`ledger_entry\` (\`session_id\`);`,
    );
    this.addSql(
      `create index \`ledger_entry_created_by_id_index\` on \`ledger_entry\` (\`created_by_id\`);`,
    );
    this.addSql(
      `create index \`ledger_entry_permit_id_created_at_index\` on \`ledger_entry\` (\`permit_id\`, \`created_at\`);`,
    );
    this.addSql(
      `create unique index \`ledger_entry_permit_id_idempotency_key_unique\` on \`ledger_entry\` (\`permit_id\`, \`idempotency_key\`);`,
    );
  }
}
