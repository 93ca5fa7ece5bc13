/** Picks a colleague to hand work to (项目负责人, 推送负责人), searched by name. The current holder stays
 *  selectable by name even when they are no longer in the list (an account disabled since). */
import { Select } from 'antd';
import type { Role } from '../../../src/shared/roles';
import { type Colleague, useColleagues } from '../api/colleagues';

export function ColleagueSelect({
  value,
  onChange,
  roles,
  current,
  testId,
}: {
  value?: string;
  onChange?: (id: string) => void;
  /** Only people holding one of these roles. */
  roles: Role[];
  current?: { id: string; name: string } | null;
  testId?: string;
}) {
  const list = useColleagues();
  const people = (list.data?.items ?? []).filter((c) => c.roles.some((r) => roles.includes(r)));
  // Name the org only when the list spans several (a city bureau sees its districts' staff too).
  const severalOrgs = new Set(people.map((c) => c.orgName)).size > 1;
  const label = (c: Colleague) => (severalOrgs ? `${c.displayName}（${c.orgName}）` : c.displayName);
  const options = people.map((c) => ({ value: c.id, label: label(c) }));
  if (current && !options.some((o) => o.value === current.id))
    options.unshift({ value: current.id, label: current.name });
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      loading={list.isPending}
      options={options}
      value={value}
      onChange={onChange}
      data-testid={testId}
    />
  );
}
