import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { PROJECT_ROOT } from '../src/lib/project-root.js';
import { DOMAIN_MODULES } from '../src/packs/domain-modules.js';
import { loadDomains } from '../src/packs/load-domains.js';
import { EmbeddedWorldModel } from '../src/world-model/embedded/embedded-world-model.js';
import { embeddedGenerator } from '../test/support/embedded-generator.js';
import { startFakeOpenAIServer } from '../test/support/fake-openai-server.js';

// The fake OpenAI-compatible server in a process of its own, for the bench: its work (reading the
// prompt, sampling futures, writing JSON) then falls on its own event loop, not on the service's,
// as a real model server's would. Prints its URL on the first line of stdout; stops on SIGTERM.
const latencyMs = Number(process.argv[2] ?? 50);
const domains = loadDomains(PROJECT_ROOT, DOMAIN_MODULES, { cacheDir: path.join(loadConfig({}).dataDir, 'cache') });
const model = new EmbeddedWorldModel(domains.values());
const server = await startFakeOpenAIServer({ latencyMs, generate: embeddedGenerator(() => model) });
process.stdout.write(`${server.url}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
