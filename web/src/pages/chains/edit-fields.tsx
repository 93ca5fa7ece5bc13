/** The fields of a chain node, shared by the node form and 添加下级节点: name, description, and the
 *  words that place firms on it (keywords, products, technologies as free tags) and its GB/T 4754
 *  two-digit industry codes (tags, checked here as well as by the server). */
import { Form, Input, Select } from 'antd';
import type { NodeFields } from '../../api/chains';
import { fill } from '../../i18n/fill';
import { useEditMessages } from './edit-i18n';

export type FieldValues = {
  name: string;
  description?: string;
  keywords: string[];
  products: string[];
  technologies: string[];
  industryCodes: string[];
};

/** Trimmed, de-duplicated, blanks dropped; empty description left out. */
export function cleanFields(v: FieldValues): NodeFields {
  const terms = (xs: string[] | undefined) => [...new Set((xs ?? []).map((x) => x.trim()).filter(Boolean))];
  const description = v.description?.trim();
  return {
    name: v.name.trim(),
    ...(description ? { description } : {}),
    keywords: terms(v.keywords),
    products: terms(v.products),
    technologies: terms(v.technologies),
    industryCodes: terms(v.industryCodes),
  };
}

function TagsField({ name, label, testId }: { name: keyof FieldValues; label: string; testId: string }) {
  const e = useEditMessages();
  return (
    <Form.Item name={name} label={label}>
      <Select
        mode="tags"
        open={false}
        suffixIcon={null}
        tokenSeparators={[',', '，', '、', ';', '；']}
        placeholder={e.tagsHint}
        data-testid={testId}
      />
    </Form.Item>
  );
}

/** `segment`: a segment keeps its name and has no words of its own, only a description. */
export function NodeFieldItems({ prefix, segment = false }: { prefix: string; segment?: boolean }) {
  const e = useEditMessages();
  return (
    <>
      <Form.Item
        name="name"
        label={e.name}
        rules={[{ required: true, whitespace: true, message: e.nameRequired }, { max: 60 }]}
      >
        <Input disabled={segment} maxLength={60} data-testid={`${prefix}-name`} />
      </Form.Item>
      <Form.Item name="description" label={e.description} rules={[{ max: 500 }]}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 4 }}
          maxLength={500}
          data-testid={`${prefix}-description`}
        />
      </Form.Item>
      {!segment && (
        <>
          <TagsField name="keywords" label={e.keywords} testId={`${prefix}-keywords`} />
          <TagsField name="products" label={e.products} testId={`${prefix}-products`} />
          <TagsField name="technologies" label={e.technologies} testId={`${prefix}-technologies`} />
          <Form.Item
            name="industryCodes"
            label={e.industryCodes}
            extra={e.codesHint}
            rules={[
              {
                validator: async (_, value: string[] | undefined) => {
                  const bad = (value ?? []).filter((x) => !/^\d{2}$/.test(x.trim()));
                  if (bad.length) throw new Error(fill(e.badCode, { codes: bad.join('、') }));
                },
              },
            ]}
          >
            <Select
              mode="tags"
              open={false}
              suffixIcon={null}
              tokenSeparators={[',', '，', '、', ' ']}
              placeholder="38"
              data-testid={`${prefix}-codes`}
            />
          </Form.Item>
        </>
      )}
    </>
  );
}
