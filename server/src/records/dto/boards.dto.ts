import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { BOARD_LIMITS, type BoardMaterial, type BoardParty, type BoardsRequest } from '@linyi/shared';
import { IsString, MaxLength, ValidateIf } from 'class-validator';
import { NestedList } from '../../common/validation/nested-list.js';

// Generous bounds on what is read at all; the service checks the real limits and says which row is wrong (BOARDS_INVALID).
const ROWS_READ = 200;
const TEXT_READ = 500;
const Text = (what: string) => applyDecorators(IsString({ message: `${what}必须是文字，不需要时请填空字符串` }), MaxLength(TEXT_READ, { message: `${what}过长` }));

export class BoardMaterialDto implements BoardMaterial {
  @ApiProperty({ maxLength: BOARD_LIMITS.text, example: 'PP-R 给水管' })
  @Text('材料名称')
  name: string;

  @ApiProperty({ maxLength: BOARD_LIMITS.text, example: '某某管业有限公司' })
  @Text('生产厂家')
  maker: string;

  @ApiProperty({ maxLength: BOARD_LIMITS.testReport, description: 'number and issuer of the factory test report; may be empty', example: 'JC2025-0131 某市建材检测中心' })
  @Text('出厂检验报告')
  testReport: string;
}

export class BoardPartyDto implements BoardParty {
  @ApiProperty({ maxLength: BOARD_LIMITS.text, example: '施工单位' })
  @Text('单位类别')
  role: string;

  @ApiProperty({ maxLength: BOARD_LIMITS.text, example: '某某建设工程有限公司' })
  @Text('单位名称')
  organisation: string;

  @ApiProperty({ maxLength: BOARD_LIMITS.text, description: 'may be empty', example: '张工' })
  @Text('负责人')
  person: string;

  @ApiProperty({ maxLength: 20, description: 'mobile or landline with area code; may be empty', example: '13800001111' })
  @Text('联系电话')
  phone: string;
}

/** PUT /api/compounds/{compoundId}/boards: replaces the boards. */
export class BoardsDto implements BoardsRequest {
  @ApiProperty({ type: [BoardMaterialDto], maxItems: BOARD_LIMITS.materials })
  @NestedList(() => BoardMaterialDto, { max: ROWS_READ, what: '材料' })
  materials: BoardMaterialDto[];

  @ApiProperty({ type: [BoardPartyDto], maxItems: BOARD_LIMITS.parties })
  @NestedList(() => BoardPartyDto, { max: ROWS_READ, what: '责任单位' })
  parties: BoardPartyDto[];

  @ApiProperty({ type: String, nullable: true, maxLength: 20, example: '010-64001234' })
  @ValidateIf((_object, value) => value !== null)
  @Text('投诉电话')
  complaintPhone: string | null;
}
