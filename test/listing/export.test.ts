import crypto from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListingService, SUMMARY_COLUMNS } from '../../src/listing/listing-service.js';
import { PgListingStore } from '../../src/listing/pg-listing-store.js';
import { PersonalDataService } from '../../src/privacy/personal-data-service.js';
import { personalFieldsOf, PgPersonalDataStore } from '../../src/privacy/pg-personal-store.js';
import { ENGINES } from '../support/engines.js';
import { startSignOffService, type SignOffTestService } from '../signoff/sign-off-support.js';
import { bulkRecord, countingListingPages, parseCsv } from './listing-support.js';

const PAGE_SIZE = 40;
const ROWS = 330;

/** Cells a spreadsheet would run as formulas if they were written as they are. */
const HOSTILE = ['=HYPERLINK("http://evil.example","click")', '+1+1', '-2+3', '@SUM(A1:A9)'];

describe.each(ENGINES)('exporting evaluations on %s', (engine) => {
  let svc: SignOffTestService;
  const ids: string[] = [];

  beforeAll(async () => {
    svc = await startSignOffService(engine, { env: { EXPORT_PAGE_SIZE: String(PAGE_SIZE) } });
    for (let i = 0; i < ROWS; i++) {
      const hostile = HOSTILE[i % 40];
      const rec = bulkRecord(i, hostile ? { agentId: hostile } : {});
      if (hostile) rec.request = { ...rec.request, action: { description: hostile, kind: 'general_work' } };
      await svc.container.evaluations.append(rec);
      ids.push(rec.id);
    }
  }, 120_000);
  afterAll(async () => {
    await svc?.stop();
  });

  const exportAs = (query: string, who: Parameters<SignOffTestService['as']>[0] = 'auditor') => request(svc.app).get(`/v1/evaluations/export?${query}`).set(svc.as(who)).buffer(true);

  it('when exported as JSONL, then every evaluation is one JSON line, complete, read from the database a page at a time', async () => {
    const { result: res, pages } = await countingListingPages(svc.container.db, () => exportAs('format=jsonl'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="evaluations.jsonl"/);
    const lines = res.text.split('\n');
    expect(lines.pop()).toBe('');
    const items = lines.map((l) => JSON.parse(l));
    expect(items.map((i) => i.id).sort()).toEqual([...ids].sort());
    expect(items.every((i) => SUMMARY_COLUMNS.every((c) => c in i))).toBe(true);
    // Memory holds one page, not the result: the database was asked once per page (and once more for the end).
    expect(pages).toBe(Math.floor(ROWS / PAGE_SIZE) + 1);
    expect(pages).toBeGreaterThan(1);
  });

  it('when exported as CSV, then it parses as RFC 4180 with one row per evaluation, quotes and new lines kept, and no cell starts a formula', async () => {
    const res = await exportAs('format=csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...rows] = parseCsv(res.text);
    expect(header).toEqual([...SUMMARY_COLUMNS]);
    expect(rows).toHaveLength(ROWS);
    expect(rows.every((r) => r.length === SUMMARY_COLUMNS.length)).toBe(true);
    expect(rows.map((r) => r[0]).sort()).toEqual([...ids].sort());
    const col = (name: string) => SUMMARY_COLUMNS.indexOf(name as never);
    // The headline carries quotes, a comma and a new line: kept exactly, inside a quoted cell.
    const first = rows.find((r) => r[col('headline')].startsWith('Bulk task 0,'))!;
    expect(first[col('headline')]).toBe('Bulk task 0, "quoted", with commas and a new line');
    for (const r of rows) for (const cell of r) expect(['=', '+', '-', '@'], cell).not.toContain(cell[0]);
    const actions = rows.map((r) => r[col('action')]);
    for (const h of HOSTILE) expect(actions).toContain(`general_work: ${h}`);
    const agents = rows.map((r) => r[col('agent_id')]);
    for (const h of HOSTILE) expect(agents).toContain(`'${h}`);
  });

  it('when exported with filters, then it holds exactly what the list shows for them', async () => {
    const res = await exportAs(`format=jsonl&agent=${encodeURIComponent(HOSTILE[0])}`);
    const exported = res.text.trim().split('\n').map((l) => JSON.parse(l).id);
    const listed = (await request(svc.app).get(`/v1/evaluations?limit=500&agent=${encodeURIComponent(HOSTILE[0])}`).set(svc.as('auditor'))).body.items.map((i: { id: string }) => i.id);
    expect(exported.length).toBeGreaterThan(0);
    expect(exported).toEqual(listed);
  });

  it('when the export is asked for badly or by another role, then it is refused before anything is streamed', async () => {
    const bad = await exportAs('format=xml');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    for (const who of ['agent', 'alice', 'admin'] as const) {
      const res = await exportAs('format=csv', who);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden');
    }
  });

  it('when the export is read page by page, then the database is asked for the next page only once the last one is taken', async () => {
    const key = (await svc.container.keys.get(svc.people.auditor.id))!;
    const service = new ListingService({
      store: new PgListingStore(svc.container.db),
      personalFields: (ids) => personalFieldsOf(svc.container.db, ids),
      personal: new PersonalDataService({ store: new PgPersonalDataStore(svc.container.db), keys: svc.container.keys, newId: () => crypto.randomUUID() }),
      domains: svc.container.domains,
      exportPageSize: PAGE_SIZE,
    });
    const { pages: asked } = await countingListingPages(svc.container.db, async () => {
      const gen = service.exportPages({ filters: {}, scope: { kind: 'all' }, key, requestId: null });
      expect((await gen.next()).value).toHaveLength(PAGE_SIZE);
      expect((await gen.next()).value).toHaveLength(PAGE_SIZE);
      await gen.return(undefined);
    });
    // Two pages taken, two asked for: nothing is read ahead of the consumer.
    expect(asked).toBe(2);
  });
});
