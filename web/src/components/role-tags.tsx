/** Roles as coloured tags with their label in the UI language. */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../src/shared/roles';

export const ROLE_COLORS: Record<Role, string> = {
  admin: 'red',
  leader: 'gold',
  officer: 'blue',
  expert: 'purple',
  analyst: 'cyan',
};

export function RoleTags({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  return (
    <>
      {roles.map((r) => (
        <Tag key={r} color={ROLE_COLORS[r]} variant="filled">
          {t(`roles.${r}`)}
        </Tag>
      ))}
    </>
  );
}
