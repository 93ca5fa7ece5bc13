/** The blue branding half of the login page, hidden on narrow screens. */
import { Flex, Grid, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const POINTS = [
  '科技招商全流程闭环管理',
  '三维评价：AI研判 · 技术委员会 · 市场尽调',
  '产业链图谱与梯度培育',
  '私有化部署，数据不出域',
];
const POINTS_EN = [
  'Closed-loop investment project management',
  'Three views: AI reading, committee, due diligence',
  'Industry chains and the cultivation ladder',
  'Self-hosted: data never leaves your network',
];

export function BrandPanel() {
  const { t, i18n } = useTranslation();
  const screens = Grid.useBreakpoint();
  if (!screens.lg) return null;
  const points = i18n.language === 'en-US' ? POINTS_EN : POINTS;
  return (
    <Flex
      vertical
      justify="center"
      style={{
        flex: '0 0 46%',
        padding: '0 64px',
        color: '#fff',
        background: 'linear-gradient(135deg, #0b3a9e 0%, #1656d6 55%, #2f7bf5 100%)',
        position: 'relative',
        overflow: 'hidden',
      }}
    >
      <svg
        width="520"
        height="520"
        viewBox="0 0 520 520"
        style={{ position: 'absolute', right: -160, bottom: -160, opacity: 0.12 }}
        aria-hidden="true"
      >
        <circle cx="260" cy="260" r="250" stroke="#fff" strokeWidth="2" fill="none" />
        <circle cx="260" cy="260" r="180" stroke="#fff" strokeWidth="2" fill="none" />
        <circle cx="260" cy="260" r="110" stroke="#fff" strokeWidth="2" fill="none" />
      </svg>
      <Typography.Title level={1} style={{ color: '#fff', margin: 0, letterSpacing: 4 }}>
        科招
      </Typography.Title>
      <Typography.Title level={3} style={{ color: 'rgba(255,255,255,.92)', marginTop: 8, fontWeight: 400 }}>
        {t('app.slogan')}
      </Typography.Title>
      <ul
        style={{
          marginTop: 32,
          paddingLeft: 20,
          lineHeight: 2.2,
          fontSize: 15,
          color: 'rgba(255,255,255,.88)',
        }}
      >
        {points.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </Flex>
  );
}
