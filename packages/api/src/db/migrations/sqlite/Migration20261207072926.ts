import { Migration } from '@mikro-orm/migrations';

export class Migration20261207072926 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`product_type_zone\` (\`id\` text not null, \`product_type_id\` text not null, \`zone_id\` text not null, constraint \`product_type_zone_product_type_id_foreign\` foreign key(\`product_type_id\`) references \`product_type\`(\`id\`) on delete cascade on update cascade, constraint \`product_type_zone_zone_id_foreign\` foreign key(\`zone_id\`) references \`zone\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`product_type_zone_product_type_id_index\` on \`product_type_zone\` (\`product_type_id\`);`,
    );
    this.addSql(
      `create index \`product_type_zone_zone_id_index\` on \`product_type_zone\` (\`zone_id\`);`,
    );
    this.addSql(
      `create unique index \`product_type_zone_product_type_id_zone_id_unique\` on \`product_type_zone\` (\`product_type_id\`, \`zone_id\`);`,
    );

    this.addSql(
      `alter table \`product_type\` add column \`valid_in\` text not null default 'ownZone';`,
    );
    // docs/rules.md §1 care permit: a product valid in every zone stays so.
    this.addSql(
      `update \`product_type\` set \`valid_in\` = 'allZones' where \`valid_in_all_zones\` = true;`,
    );
    this.addSql(`alter table \`product_type\` drop column \`valid_in_all_zones\`;`);
  }
}
