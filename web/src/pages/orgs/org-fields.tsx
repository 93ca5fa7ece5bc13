/** Form fields shared by the create and edit forms, with the API's validation rules. */
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ORG_KINDS, type OrgKind, orgKindFits } from '../../../../src/shared/roles';

/** `parentKind`, when known, limits the kinds to those that may sit under it (the API checks too). */
export function OrgFields({ withCode, parentKind }: { withCode: boolean; parentKind?: OrgKind }) {
  const { t } = useTranslation();
  return (
    <>
      {withCode && (
        <Form.Item
          name="code"
          label={t('orgs.code')}
          rules={[
            { required: true, message: t('orgs.codeRequired') },
            { pattern: /^[a-z0-9_-]{2,32}$/, message: t('orgs.codePattern') },
          ]}
        >
          <Input placeholder="yannan-lab" maxLength={32} />
        </Form.Item>
      )}
      <Form.Item
        name="name"
        label={t('orgs.name')}
        rules={[{ required: true, whitespace: true, min: 2, max: 64, message: t('orgs.nameRequired') }]}
      >
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item
        name="kind"
        label={t('orgs.kind')}
        rules={[{ required: true, message: t('orgs.kindRequired') }]}
      >
        <Select
          options={ORG_KINDS.filter((k) => !parentKind || orgKindFits(parentKind, k)).map((k) => ({
            value: k,
            label: t(`orgKinds.${k}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="regionCode"
        label={t('orgs.regionCode')}
        extra={t('orgs.regionCodeHint')}
        rules={[{ pattern: /^\d{6}$/, message: t('orgs.regionPattern') }]}
      >
        <Input maxLength={6} placeholder="320900" />
      </Form.Item>
    </>
  );
}

/** An empty region code means "none", which the API spells null. */
export function regionOrNull(value: string | undefined | null): string | null {
  const v = value?.trim();
  return v ? v : null;
}
