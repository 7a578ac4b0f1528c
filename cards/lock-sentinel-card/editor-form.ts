// The visual editor's ha-form schema, generated from the config schema's fields (loaded when the editor opens).
import { FIELDS, type Field } from './config.js';

/** ha-form schema for the visual editor, generated from the same fields. */
export interface FormField {
  name: string;
  required?: boolean;
  default?: unknown;
  selector: Record<string, unknown>;
}

export function formSchema(label: (key: string) => string): FormField[] {
  return (FIELDS as readonly Field[]).map((field): FormField => {
    switch (field.kind) {
      case 'string':
        return { name: field.name, selector: { text: {} } };
      case 'locks':
        return { name: field.name, selector: { entity: { multiple: true, filter: { domain: 'lock' } } } };
      case 'views':
        return {
          name: field.name,
          selector: { select: { multiple: true, mode: 'list', options: field.options.map((o) => ({ value: o, label: label(`view.${o}`) })) } },
        };
      case 'enum':
        return {
          name: field.name,
          default: field.default,
          selector: {
            select: { mode: 'dropdown', options: field.options.map((o) => ({ value: o, label: label(`${field.name}.${o}`) })) },
          },
        };
      case 'integer':
        return {
          name: field.name,
          default: field.default,
          selector: { number: { min: field.min, max: field.max, step: 1, mode: 'box' } },
        };
    }
  });
}
