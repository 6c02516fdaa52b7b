import { applyDecorators } from '@nestjs/common';
import { INSPECTION_LIMITS } from '@linyi/shared';
import { IsString, MaxLength } from 'class-validator';
import { CharLength } from '../../common/validation/char-length.js';
import { OptionalField } from '../../common/validation/optional-field.js';

/** A photo of a problem or a test: 2 MB of image, as base64 inside JSON (4 characters for 3 bytes, plus the data URL prefix). */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export const PHOTO_MAX_CHARS = Math.ceil(PHOTO_MAX_BYTES / 3) * 4 + 100;
/** A handwritten signature (a PNG): what the services decode, and the text the DTOs let through. */
export const SIGNATURE_MAX_BYTES = 512 * 1024;
export const SIGNATURE_MAX_CHARS = 1_000_000;

// Validation only (each DTO documents its field with @ApiProperty). The checks register in the order
// listed: with stopAtFirstError that order decides which message a client sees.

/** An optional photo (PNG or JPEG data URL); `what` names it in the messages, e.g. 检测照片. */
export const PhotoField = (what: string) =>
  applyDecorators(IsString({ message: `${what}必须是图片数据` }), MaxLength(PHOTO_MAX_CHARS, { message: `${what}过大（最大 2 MB）` }), OptionalField());

/** An optional signature PNG; where one is required, the service says so with SIGNATURE_REQUIRED. */
export const SignatureField = () => applyDecorators(IsString({ message: '签名必须是 PNG 图片数据' }), MaxLength(SIGNATURE_MAX_CHARS, { message: '签名图片过大' }), OptionalField());

/** An optional note of up to INSPECTION_LIMITS.note characters; `what` names it, e.g. 维修说明. */
export const NoteField = (what: string) =>
  applyDecorators(IsString({ message: `${what}必须是文字` }), CharLength(0, INSPECTION_LIMITS.note, { message: `${what}最多 ${INSPECTION_LIMITS.note} 个字` }), OptionalField());
