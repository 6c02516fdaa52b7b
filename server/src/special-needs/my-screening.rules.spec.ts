import { screeningConsentText } from '@linyi/shared';
import { createHash } from 'node:crypto';
import { CONSENT_TEXT_VERSION_MAX, consentTermsOf } from './my-screening.rules.js';

describe('consentTermsOf', () => {
  it('binds the consent to the text stating the configured retention', () => {
    const terms = consentTermsOf({ afterAcceptanceDays: 60, maxAgeDays: 400 });
    expect(terms.text).toBe(screeningConsentText({ afterAcceptanceDays: 60, maxAgeDays: 400 }));
    expect(terms.text).toContain('施工验收后 60 天');
    expect(terms.version).toMatch(/\/60d\/400d$/);
    expect(terms.sha256).toBe(createHash('sha256').update(terms.text, 'utf8').digest('hex'));
  });

  it('gives another text another hash and version', () => {
    const [a, b] = [consentTermsOf({ afterAcceptanceDays: 90, maxAgeDays: 365 }), consentTermsOf({ afterAcceptanceDays: 91, maxAgeDays: 365 })];
    expect(a.sha256).not.toBe(b.sha256);
    expect(a.version).not.toBe(b.version);
  });

  it('makes versions the consent table can hold, whatever the configured days', () => {
    const largest = Number.MAX_SAFE_INTEGER;
    expect(consentTermsOf({ afterAcceptanceDays: largest, maxAgeDays: largest }).version.length).toBeLessThanOrEqual(CONSENT_TEXT_VERSION_MAX);
  });
});
