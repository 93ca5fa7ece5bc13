/** Small pieces every enterprise page shows: tier tags, the 待核 badge, short names and a source tip. */
import { InfoCircleOutlined } from '@ant-design/icons';
import { Badge, Flex, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { EnterpriseSummary, Provenance } from '../../api/enterprises';
import { useMessages } from '../../i18n';
import { fieldSource, provenanceText } from './format';

export const TIER_COLORS: Record<string, string> = {
  tech_sme: 'cyan',
  innovative_sme: 'blue',
  hnte: 'geekblue',
  specialized_sme: 'purple',
  little_giant: 'magenta',
  gazelle: 'volcano',
  potential_unicorn: 'orange',
  unicorn: 'gold',
};

export function TierTags({ tiers }: { tiers: readonly string[] }) {
  const m = useMessages().enterprises;
  return (
    <Flex wrap gap={4}>
      {tiers.map((k) => (
        <Tag key={k} color={TIER_COLORS[k] ?? 'default'} style={{ marginInlineEnd: 0 }}>
          {m.tiers[k] ?? k}
        </Tag>
      ))}
    </Flex>
  );
}

export function ReviewBadge({ reason }: { reason: string | null }) {
  const m = useMessages().enterprises;
  if (!reason) return null;
  return (
    <Tooltip title={m.reviewReasons[reason] ?? reason}>
      <Badge status="warning" text={m.review} data-testid="review-badge" />
    </Tooltip>
  );
}

export function ShortNames({ aliases }: { aliases: EnterpriseSummary['aliases'] }) {
  return (
    <>
      {aliases
        .filter((a) => a.kind === 'short')
        .map((a) => (
          <Tag key={a.name} style={{ marginInlineStart: 6 }}>
            {a.name}
          </Tag>
        ))}
    </>
  );
}

/** A figure followed by an ⓘ whose tooltip says where it came from and as of when; a missing figure
 *  (`empty`) has no source to show. */
export function Sourced({
  children,
  provenance,
  field,
  testId,
  empty = false,
}: {
  children: ReactNode;
  provenance: Provenance | undefined;
  field?: string;
  testId?: string;
  empty?: boolean;
}) {
  const m = useMessages().enterprises;
  return (
    <span data-testid={testId}>
      {children}
      {provenance && !empty && (
        <Tooltip title={provenanceText(fieldSource(provenance, field), m)}>
          <Typography.Text type="secondary" style={{ marginInlineStart: 6, cursor: 'help' }}>
            <InfoCircleOutlined data-testid={testId ? `${testId}-source` : 'source-tip'} />
          </Typography.Text>
        </Tooltip>
      )}
    </span>
  );
}
