import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { applyProblem } from './form-errors.js';

/**
 * A form's submit: busy while `action` runs; a refusal from the server lands on the fields it
 * names, and whatever names no field shows as a message.
 */
export function useFormSubmit<V>(
  form: FormInstance | null,
  action: (values: V) => Promise<void>,
): { busy: boolean; submit: (values: V) => Promise<void> } {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const submit = async (values: V) => {
    setBusy(true);
    try {
      await action(values);
    } catch (error) {
      const rest = applyProblem(form, error);
      if (rest) message.error(rest);
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit };
}
