import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../lib/project-root.js';

/** The console's files: plain CSS and JavaScript shipped in the repository, no build step, nothing fetched. */
export const ASSET_FILES = { 'console.css': 'text/css; charset=utf-8', 'console.js': 'text/javascript; charset=utf-8' } as const;
export type AssetName = keyof typeof ASSET_FILES;

export interface Asset {
  type: string;
  body: Buffer;
  etag: string;
}

export const ASSETS_DIR = path.join(PROJECT_ROOT, 'src', 'console', 'assets');

/** Read once at start-up: a request names an asset from this list, never a path on disk. */
export function loadAssets(dir = ASSETS_DIR): { assets: Map<string, Asset>; missing: string[] } {
  const assets = new Map<string, Asset>();
  const missing: string[] = [];
  for (const [name, type] of Object.entries(ASSET_FILES)) {
    try {
      const body = fs.readFileSync(path.join(dir, name));
      assets.set(name, { type, body, etag: `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` });
    } catch {
      missing.push(name);
    }
  }
  return { assets, missing };
}
