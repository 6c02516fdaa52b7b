import type { CheckedHead, CheckpointRecord } from './checkpoint.rules.js';

/** A checkpoint as GET /api/audit/checkpoint(s) answer it; `chains` is how many chains the root covers. */
export interface CheckpointView {
  seq: number;
  createdAt: string;
  root: string;
  chains: number;
  signature: string;
  /** The configured verification key (SPKI PEM): a checkpoint it does not verify was not signed by this server's key. */
  publicKey: string;
  keyId: string;
}

export const toCheckpointView = (checkpoint: CheckpointRecord, publicKey: string): CheckpointView => ({
  seq: checkpoint.seq,
  createdAt: checkpoint.createdAt,
  root: checkpoint.root,
  chains: checkpoint.chains,
  signature: checkpoint.signature,
  publicKey,
  keyId: checkpoint.keyId,
});

export interface CheckpointChainsView {
  seq: number;
  items: CheckedHead[];
  /** Pass as `after` for the next page; null on the last page. */
  next: string | null;
}
