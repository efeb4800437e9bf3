import { Input } from 'antd';
import { maskId, editMasked } from './id-mask.js';

interface Props {
  id?: string;
  /** The number as typed; it stays in the form on this device and is masked before sending. */
  value?: string;
  onChange?: (raw: string) => void;
  placeholder?: string;
  status?: '' | 'error';
}

/** An ID number field that hides all but the last four characters while the gatekeeper types. */
export function IdNumberInput({ id, value = '', onChange, placeholder, status }: Props) {
  const shown = maskId(value);
  return (
    <Input
      id={id}
      size="large"
      value={shown}
      status={status}
      placeholder={placeholder}
      autoComplete="off"
      spellCheck={false}
      maxLength={40}
      data-testid="id-number"
      onChange={(event) => onChange?.(editMasked(value, shown, event.target.value.replace(/\s+/g, '')))}
      style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', letterSpacing: '0.04em' }}
    />
  );
}
