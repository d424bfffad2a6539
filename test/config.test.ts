import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('when nothing is set, then the embedded defaults apply: port 8080, PGlite under ./data, the embedded model', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8080);
    expect(c.database.url).toBeUndefined();
    expect(c.dataDir).toBe(path.resolve('./data'));
    expect(c.worldModel.backend).toBe('embedded');
  });

  it.each([
    ['PORT', 'eighty', /PORT/],
    ['DATABASE_URL', 'not a url', /DATABASE_URL/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
    ['BODY_LIMIT', 'huge', /BODY_LIMIT/],
  ])('when %s is %j, then start-up stops with a message naming it', (name, value, pattern) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(pattern);
  });

  it('when the openai backend is chosen without a URL, then start-up stops and says what is missing', () => {
    expect(() => loadConfig({ WORLD_MODEL_BACKEND: 'openai' })).toThrow(/WORLD_MODEL_URL/);
  });
});
