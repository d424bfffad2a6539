import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);

/** The repository root (migrations/, domains/, policies/), whether running from src/ or dist/src/. */
export const PROJECT_ROOT = path.resolve(path.dirname(here), here.includes(`${path.sep}dist${path.sep}`) ? '../../..' : '../..');
