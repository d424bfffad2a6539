import { describe, expect, it } from 'vitest';
import { CONSOLE_ROUTES, type ConsoleRouteId } from '../../src/console/console-access.js';
import { ROUTE_ACCESS, scopeOf } from '../../src/http/authorization.js';
import { ROLES } from '../../src/keys/key-store.js';

const consoleIds = Object.keys(CONSOLE_ROUTES) as ConsoleRouteId[];

describe('the console in the authorisation table', () => {
  it('when the table lists a console route, then the console knows which API routes it stands on, and the other way round', () => {
    const inTable = Object.keys(ROUTE_ACCESS).filter((r) => r.includes(' /ui/'));
    expect(inTable.sort()).toEqual([...consoleIds].sort());
  });

  it.each(consoleIds)('when a role may use %s, then every API route under it admits that role too', (route) => {
    for (const role of ROLES) {
      if (scopeOf(route, role) === undefined) continue;
      for (const api of CONSOLE_ROUTES[route]) expect(scopeOf(api, role), `${role} on ${route} needs ${api}`).toBeDefined();
    }
  });

  it('when the console signs someone in, then only people who review or audit get a session, and no console route admits an agent', () => {
    expect(ROLES.filter((r) => scopeOf('POST /ui/sign-in', r))).toEqual(['supervisor', 'auditor']);
    const agentRoutes = consoleIds.filter((r) => scopeOf(r, 'agent') !== undefined);
    expect(agentRoutes.sort()).toEqual(['GET /ui/', 'GET /ui/assets/:file']);
  });
});
