import { describe, expect, it } from 'vitest';
import { hotspotName } from '../../../extension/dashboard/HotspotTable';
import type { System } from '../../../shared/systems';

const EPIC: System = {
  id: 'sys_000001',
  host: 'epic.example.org',
  name: 'Epic',
  screenQueryKeys: [],
  active: true,
  screens: [{ id: 'scr_000001', systemId: 'sys_000001', pathTemplate: '/chart/:id/medrec', name: 'Med Rec' }],
};

describe('hotspot names on the dashboard', () => {
  it('uses the admins’ system and screen names where they exist', () => {
    const h = { title: null, category: 'documentation_ehr' as const };
    expect(hotspotName({ ...h, screen: { host: 'epic.example.org', path: '/chart/:id/medrec' } }, [EPIC])).toBe(
      'Epic › Med Rec',
    );
    expect(hotspotName({ ...h, screen: { host: 'epic.example.org', path: '/orders/new' } }, [EPIC])).toBe(
      'Epic › /orders/new',
    );
    expect(hotspotName({ ...h, screen: { host: 'lab.example.org', path: '/results' } }, [EPIC])).toBe(
      'lab.example.org/results',
    );
    expect(hotspotName({ ...h, screen: null }, [EPIC])).toBe('Documentation / EHR (no system)');
  });

  it('prefers a lead’s own title', () => {
    const screen = { host: 'epic.example.org', path: '/chart/:id/medrec' };
    expect(hotspotName({ title: 'MAR loses the sort', category: 'other', screen }, [EPIC])).toBe('MAR loses the sort');
  });
});
