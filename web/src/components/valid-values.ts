import type { FormInstance } from 'antd';

/** The form's values once every rule passes, or null. A failed check is not an error: the form already
 *  shows what is wrong under each field, and a rejected validateFields() in a modal's onOk would only
 *  surface as an unhandled rejection in the console. */
export async function validValues<V>(form: FormInstance<V>): Promise<V | null> {
  try {
    return await form.validateFields();
  } catch {
    return null;
  }
}
