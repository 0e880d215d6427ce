import { Migration } from '@mikro-orm/migrations';

export class Migration20261206224237 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`address\` (\`id\` text not null, \`municipality_id\` text not null, \`postcode\` text not null, \`house_number\` integer not null, \`addition\` text not null, \`key\` text not null, \`label\` text not null, \`zone_id\` text null, constraint \`address_municipality_id_foreign\` foreign key(\`municipality_id\`) references \`municipality\`(\`id\`) on update cascade, constraint \`address_zone_id_foreign\` foreign key(\`zone_id\`) references \`zone\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`address_municipality_id_index\` on \`address\` (\`municipality_id\`);`,
    );
    this.addSql(`create index \`address_zone_id_index\` on \`address\` (\`zone_id\`);`);
    this.addSql(
      `create unique index \`address_municipality_id_key_unique\` on \`address\` (\`municipality_id\`, \`key\`);`,
    );
    this.addSql(
      `create unique index \`address_municipality_id_postcode_house_number_addition_unique\` on \`address\` (\`municipality_id\`, \`postcode\`, \`house_number\`, \`addition\`);`,
    );
  }
}
