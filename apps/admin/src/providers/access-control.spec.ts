import type { Area, Role } from '@advisordesk/shared';
import { createAccessControlProvider } from './access-control';

// The `meta.area` of these resources in resources.tsx (a .tsx file the spec build cannot compile).
const AREAS: Record<string, Area | null> = { programs: 'catalogue', 'catalogue-import': 'catalogue', compare: null };

const may = async (role: Role | undefined, resource: string, action: string) => {
  const provider = createAccessControlProvider({ roleOf: () => role, areaOf: (name) => (name ? AREAS[name] : undefined) });
  return (await provider.can({ resource, action })).can;
};

describe('access control', () => {
  it('an advisor cannot open the catalogue CSV import, a manager can', async () => {
    expect(await may('advisor', 'catalogue-import', 'list')).toBe(false);
    expect(await may('manager', 'catalogue-import', 'list')).toBe(true);
  });

  it('only the roles that may change the catalogue see the import', async () => {
    const roles: Role[] = ['admin', 'manager', 'advisor', 'marketing'];
    const answers = await Promise.all(roles.map((role) => may(role, 'catalogue-import', 'list')));
    expect(roles.filter((_, index) => answers[index])).toEqual(['admin', 'manager']);
  });

  it('advisors and marketing still read the catalogue but do not change it', async () => {
    for (const role of ['advisor', 'marketing'] as const) {
      expect(await may(role, 'programs', 'list')).toBe(true);
      expect(await may(role, 'programs', 'show')).toBe(true);
      expect(await may(role, 'programs', 'create')).toBe(false);
    }
  });

  it('pages without an area are open to every signed-in user, and nothing to a signed-out one', async () => {
    expect(await may('marketing', 'compare', 'list')).toBe(true);
    expect(await may(undefined, 'compare', 'list')).toBe(false);
    expect(await may('admin', 'no-such-page', 'list')).toBe(false);
  });
});
