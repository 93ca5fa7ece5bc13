/** The graph's legend: entity shapes and relation lines, drawn as the chart draws them. */
import { Flex, Typography } from 'antd';
import { RELATION_KINDS } from '../../api/graph';
import { useMessages } from '../../i18n';
import { EDGE_STYLE, NODE_STYLE, NODE_TYPES } from './model';

export function Legend() {
  const g = useMessages().graph;
  const shape = (symbol: string, color: string) => {
    const base = { display: 'inline-block', width: 10, height: 10, background: color } as const;
    if (symbol === 'diamond') return <span style={{ ...base, transform: 'rotate(45deg) scale(0.85)' }} />;
    if (symbol === 'roundRect') return <span style={{ ...base, borderRadius: 2 }} />;
    return <span style={{ ...base, borderRadius: '50%' }} />;
  };
  return (
    <Flex gap={20} wrap align="center" style={{ fontSize: 12 }} data-testid="graph-legend">
      <Flex gap={12} align="center" wrap>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {g.view.legendNodes}
        </Typography.Text>
        {NODE_TYPES.map((t) => (
          <Flex key={t} gap={5} align="center">
            {shape(NODE_STYLE[t].symbol, NODE_STYLE[t].color)}
            <span>{g.types[t]}</span>
          </Flex>
        ))}
      </Flex>
      <Flex gap={12} align="center" wrap>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {g.view.legendEdges}
        </Typography.Text>
        {RELATION_KINDS.map((k) => (
          <Flex key={k} gap={5} align="center">
            <svg width="22" height="8" aria-hidden="true">
              <line
                x1="0"
                y1="4"
                x2={EDGE_STYLE[k].directed ? 16 : 22}
                y2="4"
                stroke={EDGE_STYLE[k].color}
                strokeWidth="2"
                strokeDasharray={EDGE_STYLE[k].dashed ? '3 2' : undefined}
              />
              {EDGE_STYLE[k].directed && <path d="M15 0 L22 4 L15 8 Z" fill={EDGE_STYLE[k].color} />}
            </svg>
            <span>{g.kinds[k]}</span>
          </Flex>
        ))}
      </Flex>
    </Flex>
  );
}
