import { AcceptanceChannel, AcceptanceDecision, INSPECTION_LIMITS, type AcceptanceRequest } from '@linyi/shared';
import type { Actor } from '../auth/actor.js';
import { AppException } from '../common/app.exception.js';
import { decodeImage, type EvidenceImage } from '../evidence/evidence.store.js';
import { PHOTO_MAX_BYTES, SIGNATURE_MAX_BYTES } from './dto/acceptance-fields.js';

const PAPER_SCAN_MAX_BYTES = 5 * 1024 * 1024;

export const SIGNATURE_REQUIRED_TEXT = '请先签名';
export const PAPER_SCAN_REQUIRED_TEXT = '请拍照上传居民签字的纸质验收单';
export const DEFECTS_REQUIRED_TEXT = '请写明哪里有问题';

export interface DecodedDecision {
  decision: AcceptanceDecision;
  channel: AcceptanceChannel;
  signature: EvidenceImage | null;
  paperScan: EvidenceImage | null;
  defects: Array<{ description: string; photo: EvidenceImage | null }>;
}

/**
 * What a decision brings, checked and decoded before any lock: the resident signs an ACCEPT online
 * (a signature with a REJECT is kept too), the committee brings the scan of the signed paper form
 * either way; a REJECT says what is wrong. 400 otherwise.
 */
export function decodedDecision(actor: Actor, request: AcceptanceRequest): DecodedDecision {
  const channel = channelOf(actor, request);
  // Only an ACCEPT needs the resident's signature: saying what is wrong just sends the works back to the crew.
  if (channel === AcceptanceChannel.Online && request.decision === AcceptanceDecision.Accept && !request.signaturePng) throw new AppException('SIGNATURE_REQUIRED', SIGNATURE_REQUIRED_TEXT);
  if (channel === AcceptanceChannel.Paper && !request.paperScanPng) throw new AppException('PAPER_SCAN_REQUIRED', PAPER_SCAN_REQUIRED_TEXT);
  const defects = defectsOf(request);
  return {
    decision: request.decision,
    channel,
    signature: request.signaturePng ? decodeImage(request.signaturePng, '签名', SIGNATURE_MAX_BYTES, false) : null,
    paperScan: request.paperScanPng ? decodeImage(request.paperScanPng, '纸质验收单照片', PAPER_SCAN_MAX_BYTES, true) : null,
    defects: defects.map((d, i) => ({ description: d.description, photo: d.photoPng ? decodeImage(d.photoPng, `第 ${i + 1} 个问题的照片`, PHOTO_MAX_BYTES, true) : null })),
  };
}

/** The resident's own word is online; staff record paper forms only, and neither brings the other's evidence. */
function channelOf(actor: Actor, request: AcceptanceRequest): AcceptanceChannel {
  if (actor.kind === 'resident') {
    if (request.channel && request.channel !== AcceptanceChannel.Online) throw new AppException('VALIDATION_FAILED', '居民请在线签名验收（channel: ONLINE）；纸质验收单由居委会录入');
    if (request.paperScanPng) throw new AppException('VALIDATION_FAILED', '线上验收请签名（signaturePng），不需要上传纸质验收单照片');
    return AcceptanceChannel.Online;
  }
  if (request.channel && request.channel !== AcceptanceChannel.Paper) throw new AppException('VALIDATION_FAILED', '工作人员只能录入纸质验收单（channel: PAPER），并附居民签字的纸质验收单照片');
  if (request.signaturePng) throw new AppException('VALIDATION_FAILED', '录入纸质验收单请上传纸质验收单照片（paperScanPng），不需要 signaturePng');
  return AcceptanceChannel.Paper;
}

function defectsOf(request: AcceptanceRequest): Array<{ description: string; photoPng?: string }> {
  const defects = (request.defects ?? []).map((d) => ({ description: d.description.trim(), photoPng: d.photoPng }));
  if (request.decision === AcceptanceDecision.Accept) {
    if (defects.length) throw new AppException('VALIDATION_FAILED', '验收合格时不填写问题；有问题请选择「有问题，不验收」（REJECT）');
    return [];
  }
  if (!defects.length || defects.some((d) => !d.description)) throw new AppException('DEFECTS_REQUIRED', DEFECTS_REQUIRED_TEXT);
  if (defects.length > INSPECTION_LIMITS.defects) throw new AppException('VALIDATION_FAILED', `最多 ${INSPECTION_LIMITS.defects} 个问题`);
  return defects;
}

/** The same image given twice is stored once; in hash order, so two transactions never take the same chunks crosswise. */
export function uniqueImages(images: Array<EvidenceImage | null>): EvidenceImage[] {
  const bySha = new Map(images.filter((image): image is EvidenceImage => !!image).map((image) => [image.sha256, image]));
  return [...bySha.values()].sort((a, b) => a.sha256.localeCompare(b.sha256));
}
