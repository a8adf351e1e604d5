import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../../shared/api';
import { auditCursor, listAudit, parseAuditCursor } from '../../db/audit';
import type { AppEnv } from '../../env';
import { register } from '../register';

export const auditRoutes = new OpenAPIHono<AppEnv>();

register(auditRoutes, endpoints.adminAudit, async (c, { query }) => {
  const limit = query.limit;
  // One extra row says whether another page follows, without a count query.
  const rows = await listAudit(c.env.DB, {
    action: query.action,
    actorId: query.actorId,
    subjectId: query.subjectId,
    from: query.from ? Date.parse(query.from) : undefined,
    to: query.to ? Date.parse(query.to) : undefined,
    before: query.cursor ? parseAuditCursor(query.cursor) : undefined,
    limit: limit + 1,
  });
  const entries = rows.slice(0, limit);
  const last = entries.at(-1);
  return { entries, nextCursor: rows.length > limit && last ? auditCursor(last) : null };
});
