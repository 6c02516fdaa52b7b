import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/** The Ed25519 key that signs checkpoints, with what a verifier needs to name it. */
export interface AuditSigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SPKI PEM, as served by GET /api/audit/checkpoint. */
  publicKeyPem: string;
  /** Hex SHA-256 of the SPKI DER: stored with each checkpoint so a checkpoint signed by another key is named. */
  keyId: string;
  /** True when no AUDIT_SIGNING_KEY was given and the public development key is in use. */
  development: boolean;
}

/**
 * The seed of the development key used outside production when AUDIT_SIGNING_KEY is unset. It is
 * public on purpose (written here and in docs/consent-engine.md): its checkpoints prove nothing.
 */
export const DEV_AUDIT_KEY_SEED = createHash('sha256').update('linyi-dev-audit-signing-key (public, never for production)').digest();

// PKCS#8 DER of an Ed25519 key is this fixed prefix followed by the 32-byte seed (RFC 8410).
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

function parsePrivateKey(text: string): KeyObject {
  const trimmed = text.trim();
  const key = trimmed.includes('-----BEGIN')
    ? createPrivateKey({ key: trimmed.replace(/\\n/g, '\n'), format: 'pem' })
    : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`it is a ${key.asymmetricKeyType ?? 'non-asymmetric'} key, not Ed25519`);
  return key;
}

/** Null when the text is a usable Ed25519 private key; otherwise why not (for the boot-time config check). */
export function signingKeyProblem(text: string): string | null {
  try {
    parsePrivateKey(text);
    return null;
  } catch (error) {
    return `AUDIT_SIGNING_KEY is not an Ed25519 private key in PKCS#8 PEM or base64 DER (${error instanceof Error ? error.message : String(error)}); make one with: openssl genpkey -algorithm ed25519`;
  }
}

function parsePublicKey(text: string): KeyObject {
  const trimmed = text.trim();
  const key = trimmed.includes('-----BEGIN')
    ? createPublicKey({ key: trimmed.replace(/\\n/g, '\n'), format: 'pem' })
    : createPublicKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`it is a ${key.asymmetricKeyType ?? 'non-asymmetric'} key, not Ed25519`);
  return key;
}

const keyIdOf = (publicKey: KeyObject) => createHash('sha256').update(publicKey.export({ format: 'der', type: 'spki' })).digest('hex');

/**
 * Boot-time problems with AUDIT_SIGNING_KEY and AUDIT_PUBLIC_KEY: each must be readable, and when
 * both are set the public key must be the signing key's (or checkpoints would never verify).
 */
export function auditKeyProblems(signing: string | null, verifying: string | null): string[] {
  const problems: string[] = [];
  const signingProblem = signing ? signingKeyProblem(signing) : null;
  if (signingProblem) problems.push(signingProblem);
  let publicKey: KeyObject | null = null;
  if (verifying) {
    try {
      publicKey = parsePublicKey(verifying);
    } catch (error) {
      problems.push(`AUDIT_PUBLIC_KEY is not an Ed25519 public key in SPKI PEM or base64 DER (${error instanceof Error ? error.message : String(error)}); derive it with: openssl pkey -in key.pem -pubout`);
    }
  }
  if (signing && !signingProblem && publicKey && keyIdOf(createPublicKey(parsePrivateKey(signing))) !== keyIdOf(publicKey)) {
    problems.push('AUDIT_PUBLIC_KEY is not the public key of AUDIT_SIGNING_KEY: checkpoints signed with the one would not verify with the other');
  }
  return problems;
}

/** The configured audit keys: a verifying key always; a signing key only where AUDIT_SIGNING_KEY (or the development key) is available. */
export type AuditKeys = Omit<AuditSigningKey, 'privateKey'> & { privateKey: KeyObject | null };

/**
 * AUDIT_SIGNING_KEY signs (its public half verifies); AUDIT_PUBLIC_KEY alone verifies and cannot
 * sign (operator commands on a host that must not hold the private key); neither: the public
 * development key, outside production only (loadConfig refuses it there).
 */
export function auditKeys(signing: string | null, verifying: string | null): AuditKeys {
  if (signing || !verifying) return auditSigningKey(signing);
  const publicKey = parsePublicKey(verifying);
  return { privateKey: null, publicKey, publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(), keyId: keyIdOf(publicKey), development: false };
}

export function auditSigningKey(configured: string | null): AuditSigningKey {
  const privateKey = configured ? parsePrivateKey(configured) : createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, DEV_AUDIT_KEY_SEED]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    keyId: keyIdOf(publicKey),
    development: !configured,
  };
}
