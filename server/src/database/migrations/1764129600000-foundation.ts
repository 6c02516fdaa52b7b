import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { createdAtColumn, foreignKey, idColumn, index, refColumn, textColumn } from './schema-helpers.js';

/** Places, residents, invite codes and staff accounts. */
export class Foundation1764129600000 implements MigrationInterface {
  name = 'Foundation1764129600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(new Table({ name: 'street_office', columns: [idColumn(), textColumn('name', 100), createdAtColumn()] }));
    await queryRunner.createTable(
      new Table({
        name: 'community',
        columns: [idColumn(), textColumn('name', 100), refColumn('streetOfficeId'), createdAtColumn()],
        foreignKeys: [foreignKey('fk_community_street_office', 'streetOfficeId', 'street_office')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'compound',
        columns: [idColumn(), textColumn('name', 100), refColumn('communityId'), textColumn('address', 200, true), createdAtColumn()],
        foreignKeys: [foreignKey('fk_compound_community', 'communityId', 'community')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'building',
        columns: [idColumn(), refColumn('compoundId'), textColumn('name', 40)],
        indices: [index('uq_building_compound_name', ['compoundId', 'name'], true)],
        foreignKeys: [foreignKey('fk_building_compound', 'compoundId', 'compound')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'unit',
        columns: [idColumn(), refColumn('buildingId'), refColumn('compoundId'), textColumn('name', 40)],
        indices: [index('ix_unit_compound', ['compoundId']), index('uq_unit_building_name', ['buildingId', 'name'], true)],
        foreignKeys: [foreignKey('fk_unit_building', 'buildingId', 'building')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'household',
        columns: [
          idColumn(),
          refColumn('unitId'),
          refColumn('compoundId'),
          textColumn('room', 20),
          { name: 'floor', type: 'integer' },
          { name: 'areaM2', type: 'decimal', precision: 8, scale: 2 },
          textColumn('label', 120),
          textColumn('ownerName', 60),
          textColumn('phone', 20, true),
        ],
        indices: [index('ix_household_compound', ['compoundId']), index('uq_household_unit_room', ['unitId', 'room'], true)],
        foreignKeys: [foreignKey('fk_household_unit', 'unitId', 'unit')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'resident',
        columns: [
          idColumn(),
          textColumn('openid', 64),
          textColumn('unionid', 64, true),
          textColumn('wechatSessionKey', 64, true),
          textColumn('name', 60, true),
          createdAtColumn(),
        ],
        indices: [index('uq_resident_openid', ['openid'], true)],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'household_member',
        columns: [idColumn(), refColumn('householdId'), refColumn('residentId'), textColumn('role', 16), createdAtColumn()],
        indices: [index('ix_member_resident', ['residentId']), index('uq_member_household_resident', ['householdId', 'residentId'], true)],
        foreignKeys: [foreignKey('fk_member_household', 'householdId', 'household'), foreignKey('fk_member_resident', 'residentId', 'resident')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'invite_code',
        columns: [
          idColumn(),
          textColumn('code', 16),
          refColumn('householdId'),
          textColumn('role', 16),
          refColumn('createdByStaffId'),
          { name: 'expiresAt', type: 'datetime' },
          { name: 'usedAt', type: 'datetime', isNullable: true },
          refColumn('usedByResidentId', true),
          createdAtColumn(),
        ],
        indices: [index('uq_invite_code', ['code'], true)],
        foreignKeys: [foreignKey('fk_invite_household', 'householdId', 'household')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'staff_account',
        columns: [
          idColumn(),
          textColumn('username', 64),
          textColumn('displayName', 60),
          textColumn('passwordHash', 100),
          textColumn('role', 16),
          textColumn('scopeType', 16),
          refColumn('scopeId', true),
          createdAtColumn(),
        ],
        indices: [index('uq_staff_username', ['username'], true)],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['staff_account', 'invite_code', 'household_member', 'resident', 'household', 'unit', 'building', 'compound', 'community', 'street_office']) {
      await queryRunner.dropTable(table);
    }
  }
}
