import { ApiProperty } from '@nestjs/swagger';
import { screeningConsentVersion, type ScreeningConsentRequest } from '@linyi/shared';
import { Equals, IsString } from 'class-validator';
import { CharLength } from '../../common/validation/char-length.js';

/** The resident's own tap on the separate consent (PIPL art. 29): `agreed` must be exactly true. */
export class ScreeningConsentDto implements ScreeningConsentRequest {
  @ApiProperty({ type: Boolean, enum: [true], description: 'exactly true: the resident tapped 同意 on the consent page' })
  @Equals(true, { message: '请阅读同意书后点“同意”再提交' })
  agreed: true;

  @ApiProperty({ example: screeningConsentVersion({ afterAcceptanceDays: 90, maxAgeDays: 365 }), maxLength: 64, description: 'the consentTextVersion GET sent with the text the resident read; any other → 400 CONSENT_TEXT_OUTDATED' })
  @IsString({ message: '请提供所阅读的同意书版本 textVersion' })
  @CharLength(1, 64, { message: '同意书版本不正确，请重新阅读后再同意' })
  textVersion: string;
}
