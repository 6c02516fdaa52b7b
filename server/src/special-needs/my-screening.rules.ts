import { screeningConsentText, screeningConsentVersion, type ScreeningRetentionTerms } from '@linyi/shared';
import { createHash } from 'node:crypto';

/** The consent text as this server shows it and binds a consent to, with the retention it applies. */
export interface ConsentTerms {
  text: string;
  version: string;
  /** What a consent row stores: the resident agreed to exactly these words. */
  sha256: string;
}

/** `screening_consent.textVersion` is varchar(64). */
export const CONSENT_TEXT_VERSION_MAX = 64;

/** The consent text the server shows and hashes for the configured retention. */
export function consentTermsOf({ afterAcceptanceDays, maxAgeDays }: ScreeningRetentionTerms): ConsentTerms {
  const retention = { afterAcceptanceDays, maxAgeDays };
  const version = screeningConsentVersion(retention);
  const text = screeningConsentText(retention);
  return { text, version, sha256: createHash('sha256').update(text, 'utf8').digest('hex') };
}
