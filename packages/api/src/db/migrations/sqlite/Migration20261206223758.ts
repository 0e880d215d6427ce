import { Migration } from '@mikro-orm/migrations';

export class Migration20261206223758 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`care_request\` (\`id\` text not null, \`permit_id\` text not null, \`minutes\` integer not null, \`carer_statement\` text not null, \`status\` text not null default 'pending', \`requested_by_id\` text not null, \`requested_at\` datetime not null, \`decision_reason\` text null, \`decided_by_id\` text null, \`decided_at\` datetime null, \`care_grant_id\` text null, constraint \`care_request_permit_id_foreign\` foreign key(\`permit_id\`) references \`permit\`(\`id\`) on update cascade, constraint \`care_request_requested_by_id_foreign\` foreign key(\`requested_by_id\`) references \`account\`(\`id\`) on update cascade, constraint \`care_request_decided_by_id_foreign\` foreign key(\`decided_by_id\`) references \`account\`(\`id\`) on delete set null on update cascade, constraint \`care_request_care_grant_id_foreign\` foreign key(\`care_grant_id\`) references \`care_grant\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`care_request_permit_id_index\` on \`care_request\` (\`permit_id\`);`,
    );
    this.addSql(`create index \`care_request_status_index\` on \`care_request\` (\`status\`);`);
    this.addSql(
      `create index \`care_request_requested_by_id_index\` on \`care_request\` (\`requested_by_id\`);`,
    );
    this.addSql(
      `create index \`care_request_decided_by_id_index\` on \`care_request\` (\`decided_by_id\`);`,
    );
    this.addSql(
      `create index \`care_request_care_grant_id_index\` on \`care_request\` (\`care_grant_id\`);`,
    );

    this.addSql(
      `alter table \`fine_waiver\` add column \`filed_by_holder\` integer not null default false;`,
    );
    this.addSql(`alter table \`fine_waiver\` add column \`plate\` text null;`);
    this.addSql(`alter table \`fine_waiver\` add column \`holder_reason\` text null;`);
  }
}
