/** A figure as officers type it — "1,200.5", "1.2亿", "300万", "８０００", "50人" — read by the same
 *  parsers as the import. Unlike antd's InputNumber, text that is not a number is never cleared, clamped
 *  or rounded behind the user's back: the form keeps the text, and figureRules says what is wrong. */
import { Input, type InputProps } from 'antd';
import type { Rule } from 'antd/es/form';
import { type FigureKind, readFigure } from '../../../src/domain/text/typed-figure';
import { useMessages } from '../i18n';

export { type FigureKind, readFigure };

export type FigureCheck = { kind: FigureKind; negative?: boolean; max?: number };

/** Form rules of a figure field: a number, not negative unless allowed, not above max. */
export function useFigureRules(): (check: FigureCheck) => Rule[] {
  const m = useMessages().common.figure;
  return ({ kind, negative = false, max }) => [
    {
      validator: async (_, value) => {
        const r = readFigure(value, kind);
        if (!r.ok) throw new Error(m[r.reason]);
        if (r.value === null) return;
        if (!negative && r.value < 0) throw new Error(m.negative);
        if (max !== undefined && r.value > max)
          throw new Error(
            m.tooLarge.replace(
              '{{max}}',
              `${max.toLocaleString('zh-CN')}${kind === 'wan' ? ` ${m.wan}` : ''}`,
            ),
          );
      },
    },
  ];
}

/** The form's values with each figure field read into a number (after validateFields has passed). */
export function readFigures<V extends Record<string, unknown>>(
  values: V,
  kinds: Partial<Record<keyof V, FigureKind>>,
): V {
  const out = { ...values };
  for (const [k, kind] of Object.entries(kinds) as [keyof V, FigureKind][]) {
    const r = readFigure(values[k], kind);
    out[k] = (r.ok ? r.value : null) as V[keyof V];
  }
  return out;
}

/** The input itself: shows a stored number as it is, and hands the form whatever the user types. */
export function FigureInput({
  value,
  onChange,
  ...rest
}: Omit<InputProps, 'value' | 'onChange'> & {
  value?: number | string | null;
  onChange?: (value: number | string | null) => void;
}) {
  return (
    <Input
      {...rest}
      inputMode="decimal"
      value={value === null || value === undefined ? '' : String(value)}
      onChange={(e) => onChange?.(e.target.value)}
    />
  );
}
