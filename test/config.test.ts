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
    expect(c.cacheDir).toBe(path.resolve('./data/cache'));
    expect(loadConfig({ DATA_DIR: '/srv/foresight' }).cacheDir).toBe('/srv/foresight/cache');
    expect(loadConfig({ DATA_DIR: '/srv/foresight', CACHE_DIR: '/opt/foresight-cache' }).cacheDir).toBe('/opt/foresight-cache');
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

  it('when TRUST_PROXY names the proxies, then they are believed; unset, nobody is; "true" (every hop, spoofable) is refused', () => {
    expect(loadConfig({}).http.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).http.trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::/8' }).http.trustProxy).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8']);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY must name the proxies/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/40' })).toThrow(/TRUST_PROXY: '10.0.0.0\/40'/);
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.internal' })).toThrow(ConfigError);
  });

  it('when the openai backend is chosen without a URL, then start-up stops and says what is missing', () => {
    expect(() => loadConfig({ WORLD_MODEL_BACKEND: 'openai' })).toThrow(/WORLD_MODEL_URL/);
  });
});
