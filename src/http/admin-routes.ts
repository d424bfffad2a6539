import { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import type { ReloadReport } from '../reload/pack-reloader.js';
import { parseBody } from './parse.js';

export type AdminRouteId = 'POST /v1/admin/reload';

export interface AdminRouteDeps {
  /** Loads the packs and policies again (src/reload/pack-reloader.ts); refuses with a problem naming the file. */
  reload(): Promise<ReloadReport>;
  guard: (route: AdminRouteId) => RequestHandler;
}

/** Nothing to choose: a reload reads PACKS_DIR as it is. The body may be absent or `{}`. */
const ReloadBodySchema = z.strictObject({});

const hasBody = (req: Request) => req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');

export function adminRoutes(deps: AdminRouteDeps): Router {
  const router = Router();
  router.post('/v1/admin/reload', deps.guard('POST /v1/admin/reload'), async (req, res) => {
    if (hasBody(req)) parseBody(ReloadBodySchema, req);
    res.status(200).json(await deps.reload());
  });
  return router;
}
