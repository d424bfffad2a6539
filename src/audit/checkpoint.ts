import { z } from 'zod';
import { blockHash, headerOf, verifyBlockSignature, type SealedBlock } from './block.js';
import { keyIdOf } from './signing-key.js';

export const CHECKPOINT_FORMAT = 'foresight-audit-checkpoint/1';

/**
 * The newest block's header, signature and public key: small enough to keep anywhere else (a ticket,
 * another database, a printout). Checked against the database later, it detects a rewrite of the
 * whole history, which no check inside the database can.
 */
export const CheckpointSchema = z.object({
  format: z.literal(CHECKPOINT_FORMAT),
  block: z.object({
    height: z.number().int().min(1),
    lo_xid: z.string().regex(/^\d+$/),
    hi_xid: z.string().regex(/^\d+$/),
    tables: z.array(z.string()),
    row_count: z.number().int().min(1),
    merkle_root: z.string().regex(/^[0-9a-f]{64}$/),
    prev_hash: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
    sealed_at: z.string(),
    key_id: z.string(),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    signature: z.string(),
  }),
  public_key: z.string(),
});
export type Checkpoint = z.infer<typeof CheckpointSchema>;

export function checkpointOf(block: SealedBlock, publicKeyPem: string): Checkpoint {
  return { format: CHECKPOINT_FORMAT, block: { ...headerOf(block), hash: block.hash, signature: block.signature }, public_key: publicKeyPem };
}

/** What is wrong with a checkpoint on its own (before comparing it with any database); empty when it holds together. */
export function checkpointProblems(cp: Checkpoint): string[] {
  const problems: string[] = [];
  if (blockHash(cp.block) !== cp.block.hash) problems.push('the block header does not match its hash');
  try {
    if (keyIdOf(cp.public_key) !== cp.block.key_id) problems.push(`the public key is not key ${cp.block.key_id}`);
  } catch {
    problems.push('the public key cannot be read');
  }
  if (!verifyBlockSignature(cp.block, cp.block.signature, cp.public_key)) problems.push('the signature does not verify');
  return problems;
}
