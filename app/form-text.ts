/** A form field's text: '' when the field is missing or is a file (a crafted POST can send one). */
export function formText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}
