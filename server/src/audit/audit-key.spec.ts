import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { auditKeyProblems, auditKeys, auditSigningKey, signingKeyProblem } from './audit-key.js';
import { signRoot } from './checkpoint.rules.js';

describe('audit signing key', () => {
  it('reads PKCS#8 PEM and base64 DER, and both name the same key', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const der = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    expect(signingKeyProblem(pem)).toBeNull();
    expect(signingKeyProblem(der)).toBeNull();
    expect(auditSigningKey(pem).keyId).toBe(auditSigningKey(der).keyId);
    // A PEM pasted into one environment line with literal \n also works.
    expect(auditSigningKey(pem.replace(/\n/g, '\\n')).keyId).toBe(auditSigningKey(pem).keyId);
  });

  it('refuses what is not an Ed25519 private key, without echoing it', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    for (const bad of ['not-a-key', rsa, Buffer.from('short').toString('base64')]) {
      const problem = signingKeyProblem(bad);
      expect(problem).toMatch(/^AUDIT_SIGNING_KEY is not an Ed25519 private key/);
      expect(problem).not.toContain(bad);
    }
  });

  it('falls back to the same public development key every time, and its signatures verify with the served PEM', () => {
    const a = auditSigningKey(null);
    const b = auditSigningKey(null);
    expect(a.development).toBe(true);
    expect(a.keyId).toBe(b.keyId);
    expect(a.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const root = '0f'.repeat(32);
    expect(verify(null, Buffer.from(root), createPublicKey(a.publicKeyPem), Buffer.from(signRoot(root, b.privateKey), 'base64'))).toBe(true);
  });
});

describe('AUDIT_SIGNING_KEY at boot', () => {
  it('is a configuration problem named clearly when it cannot be read', async () => {
    const { ConfigError, loadConfig } = await import('../config/app-config.js');
    expect(() => loadConfig({ AUDIT_SIGNING_KEY: 'garbage' })).toThrow(ConfigError);
    expect(() => loadConfig({ AUDIT_SIGNING_KEY: 'garbage' })).toThrow(/AUDIT_SIGNING_KEY is not an Ed25519 private key/);
    expect(loadConfig({}).auditSigningKey).toBeNull();
    expect(loadConfig({}).auditCheckpointMs).toBe(60_000);
    expect(() => loadConfig({ AUDIT_CHECKPOINT_MS: '-5' })).toThrow(/AUDIT_CHECKPOINT_MS/);
  });
});

describe('AUDIT_PUBLIC_KEY', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const signingPem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const publicPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
  const publicDer = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');

  it('verifies alone: no private key, the same key id as the signing key, PEM or base64 DER', () => {
    const verifying = auditKeys(null, publicDer);
    expect(verifying.privateKey).toBeNull();
    expect(verifying.development).toBe(false);
    expect(verifying.keyId).toBe(auditSigningKey(signingPem).keyId);
    expect(auditKeys(null, publicPem).keyId).toBe(verifying.keyId);
    const root = '0e'.repeat(32);
    expect(verify(null, Buffer.from(root), verifying.publicKey, Buffer.from(signRoot(root, auditSigningKey(signingPem).privateKey), 'base64'))).toBe(true);
  });

  it('must be readable, and the signing key\'s own when both are set', () => {
    expect(auditKeyProblems(signingPem, publicPem)).toEqual([]);
    expect(auditKeyProblems(null, 'nonsense')).toEqual([expect.stringMatching(/^AUDIT_PUBLIC_KEY is not an Ed25519 public key/)]);
    const other = generateKeyPairSync('ed25519').publicKey.export({ format: 'pem', type: 'spki' }).toString();
    expect(auditKeyProblems(signingPem, other)).toEqual([expect.stringContaining('is not the public key of AUDIT_SIGNING_KEY')]);
  });
});
