import fs from 'node:fs';
import path from 'node:path';
import { Router } from 'express';
import { PROJECT_ROOT } from '../lib/project-root.js';
import { openApiDocument } from '../api/openapi.js';
import type { Authenticator } from './auth.js';

/** `/openapi.json`: the document is built once, from the schemas and the authorisation table. */
export function openApiRoutes(auth: Authenticator): Router {
  const { version } = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  const router = Router();
  let doc: string | undefined;
  router.get('/openapi.json', auth.guard('GET /openapi.json'), (_req, res) => {
    doc ??= JSON.stringify(openApiDocument(version));
    res.type('application/json').send(doc);
  });
  return router;
}
