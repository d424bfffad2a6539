import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInclusionProof, type InclusionProof } from '../../src/audit/check-proof.js';
import { inclusionProof } from '../../src/audit/proof.js';
import { newSigner, openHarness, sampleRecord, sealUntilSettled, type Harness } from './audit-helpers.js';

const clone = <T>(v: T): T => structuredClone(v);

describe('an inclusion proof, checked offline', () => {
  let h: Harness;
  const ids: string[] = [];
  beforeAll(async () => {
    h = await openHarness('pglite');
    for (let i = 0; i < 7; i++) {
      const r = sampleRecord(i);
      ids.push(r.id);
      await h.store.append(r);
    }
    await sealUntilSettled(h.sealer, h.ledger);
  });
  afterAll(async () => {
    await h?.close();
  });

  const proofOf = async (id: string) => (await inclusionProof(h.ledger, 'evaluations', id)) as InclusionProof;

  it('when every row of a sealed block is proven, then each proof checks with nothing but node:crypto', async () => {
    for (const id of ids) {
      const proof = await proofOf(id);
      expect(proof.status).toBe('sealed');
      expect(proof.tree_size).toBe(7);
      expect(checkInclusionProof(JSON.parse(JSON.stringify(proof)))).toEqual({ ok: true, problems: [] });
    }
  });

  it('when the record, the path, the block or its signature is altered, then the check fails and says what does not hold', async () => {
    const proof = await proofOf(ids[3]);
    const record = clone(proof);
    record.record.api_key_id = 'someone-else';
    expect(checkInclusionProof(record).problems).toEqual(["the record does not hash to the leaf's digest"]);

    const path = clone(proof);
    path.path[0] = path.path[0].replace(/^./, (c) => (c === '0' ? '1' : '0'));
    expect(checkInclusionProof(path).problems).toEqual(["the path does not lead to the block's Merkle root"]);

    const root = clone(proof);
    root.block.merkle_root = proof.path[0];
    expect(checkInclusionProof(root).problems).toContain('the block header does not match its hash');

    const resigned = clone(proof);
    const forger = newSigner();
    resigned.public_key = forger.publicKeyPem;
    expect(checkInclusionProof(resigned).problems).toEqual([`the public key is not key ${proof.block.key_id}`]);
  });

  it('when the checker is given the keys it trusts, then a proof signed by any other key fails', async () => {
    const proof = await proofOf(ids[0]);
    expect(checkInclusionProof(proof, { trustedKeys: { [h.signer.keyId]: h.signer.publicKeyPem } }).ok).toBe(true);
    expect(checkInclusionProof(proof, { trustedKeys: {} }).problems).toEqual([`key ${proof.block.key_id} is not among the trusted keys`]);
    expect(checkInclusionProof(proof, { trustedKeys: { [h.signer.keyId]: newSigner().publicKeyPem } }).ok).toBe(false);
  });

  it('when a row is stored but not sealed yet, then its proof says pending and carries what will be sealed', async () => {
    const late = sampleRecord(99);
    await h.store.append(late);
    const proof = await inclusionProof(h.ledger, 'evaluations', late.id);
    expect(proof).toMatchObject({ status: 'pending', leaf: { table: 'evaluations', id: late.id }, record: { id: late.id, api_key_id: late.apiKeyId } });
    expect(await inclusionProof(h.ledger, 'evaluations', '00000000-0000-0000-0000-000000000000')).toBeNull();
  });
});
