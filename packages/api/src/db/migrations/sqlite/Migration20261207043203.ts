import { Migration } from '@mikro-orm/migrations';

export class Migration20261207043203 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`address_import\` (\`id\` text not null, \`municipality_id\` text not null, \`created_by_id\` text not null, \`created_at\` datetime not null, \`finished_at\` datetime null, \`format\` text not null, \`file_name\` text not null, \`content\` text null, \`status\` text not null default 'queued', \`total_rows\` integer not null default 0, \`rows_done\` integer not null default 0, \`rows_added\` integer not null default 0, \`rows_updated\` integer not null default 0, \`rows_unchanged\` integer not null default 0, \`refused_count\` integer not null default 0, \`refused\` json not null, constraint \`address_import_municipality_id_foreign\` foreign key(\`municipality_id\`) references \`municipality\`(\`id\`) on update cascade, constraint \`address_import_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`account\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`address_import_municipality_id_index\` on \`address_import\` (\`municipality_id\`);`,
    );
    this.addSql(
      `create index \`address_import_created_by_id_index\` on \`address_import\` (\`created_by_id\`);`,
    );
    this.addSql(
      `create index \`address_import_municipality_id_created_at_index\` on \`address_import\` (\`municipality_id\`, \`created_at\`);`,
    );

    this.addSql(`alter table \`municipality\` add column \`gemeentecode\` text null;`);

    this.addSql(`alter table \`zone\` add column \`shape\` json null;`);

    this.addSql(`alter table \`address\` add column \`bag_address_id\` text null;`);
    this.addSql(`alter table \`address\` add column \`bag_object_id\` text null;`);
    this.addSql(`alter table \`address\` add column \`point_x\` double null;`);
    this.addSql(`alter table \`address\` add column \`point_y\` double null;`);
    this.addSql(`alter table \`address\` add column \`private_parking\` integer null;`);
    this.addSql(`alter table \`address\` add column \`source\` text not null default 'town';`);
    this.addSql(
      `create index \`address_postcode_house_number_index\` on \`address\` (\`postcode\`, \`house_number\`);`,
    );
  }
}
