import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { applyProblem } from './form-errors.js';

export interface FormSubmit<V> {
  /** True while the action runs: the submit button spins and the form waits. */
  busy: boolean;
  submit: (values: V) => Promise<void>;
  /** With `inline`: what the last refusal said that names no field (shown in the form), else null. */
  failure: string | null;
}

/**
 * A form's submit: busy while `action` runs; a refusal from the server lands on the fields it
 * names, and whatever names no field shows as a message — or, with `inline`, in `failure`, for a
 * form that shows it in place (an alert above its button).
 */
export function useFormSubmit<V>(
  form: FormInstance | null,
  action: (values: V) => Promise<void>,
  { inline = false }: { inline?: boolean } = {},
): FormSubmit<V> {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async (values: V) => {
    setBusy(true);
    setFailure(null);
    try {
      await action(values);
    } catch (error) {
      const rest = applyProblem(form, error);
      if (inline) setFailure(rest);
      else if (rest) message.error(rest);
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit, failure };
}
