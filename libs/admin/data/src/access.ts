import { useGetIdentity } from '@refinedev/core';
import { accessOf, canRead, canWrite, isRole, type Access, type Area, type Role, type UserView } from '@advisordesk/shared';

/**
 * The signed-in user and what their role may do, read from `PERMISSIONS` (@advisordesk/shared, the
 * table the API guards read too). Before the identity loads, the role may do nothing.
 */
export function useAccess() {
  const { data: user, isLoading } = useGetIdentity<UserView>();
  const role: Role | undefined = isRole(user?.role) ? user.role : undefined;
  return {
    user,
    role,
    isLoading,
    canRead: (area: Area) => (role ? canRead(area, role) : false),
    canWrite: (area: Area) => (role ? canWrite(area, role) : false),
    accessOf: (area: Area): Access => (role ? accessOf(area, role) : 'none'),
  };
}
