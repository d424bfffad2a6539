import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/engines.js';
import { startSignOffService, type SignOffTestService } from '../signoff/sign-off-support.js';
import { bulkRecord } from './listing-support.js';

describe.each(ENGINES)('paging while evaluations are written, on %s', (engine) => {
  let svc: SignOffTestService;
  const before: string[] = [];

  beforeAll(async () => {
    svc = await startSignOffService(engine);
    for (let i = 0; i < 90; i++) {
      const rec = bulkRecord(i);
      await svc.container.evaluations.append(rec);
      before.push(rec.id);
    }
  }, 60_000);
  afterAll(async () => {
    await svc?.stop();
  });

  it('when rows are inserted between and during the pages, then every row that was there is listed once: no duplicates, no gaps', async () => {
    const during: string[] = [];
    let writing = true;
    // Writers keep inserting (several at once on a server) for as long as the pages are read.
    const writers = Array.from({ length: engine === 'postgres' ? 3 : 1 }, async (_, w) => {
      for (let i = 0; writing; i++) {
        const rec = bulkRecord(1000 + w * 10_000 + i, { createdAt: new Date() });
        during.push(rec.id);
        await svc.container.evaluations.append(rec);
        // Embedded PGlite answers without returning to the event loop: let the HTTP requests in between writes.
        await new Promise((resolve) => setImmediate(resolve));
      }
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: { items: { id: string }[]; next_cursor: string | null } } = await request(svc.app)
        .get(`/v1/evaluations?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
        .set(svc.as('auditor'));
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((i: { id: string }) => i.id));
      cursor = res.body.next_cursor;
      pages++;
    } while (cursor && pages < 100);
    writing = false;
    await Promise.all(writers);

    expect(during.length).toBeGreaterThan(0);
    expect(new Set(seen).size).toBe(seen.length);
    const shown = new Set(seen);
    expect(before.filter((id) => !shown.has(id))).toEqual([]);
    const known = new Set([...before, ...during]);
    expect(seen.filter((id) => !known.has(id))).toEqual([]);
    expect(pages).toBeGreaterThan(10);
  });
});
