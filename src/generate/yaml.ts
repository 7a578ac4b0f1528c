// YAML text for Home Assistant: automations, scripts and blueprints (with `!input` tags).
import { stringify, type ScalarTag } from 'yaml';
import { Input } from './types.js';

const inputTag: ScalarTag = {
  tag: '!input',
  identify: (v) => v instanceof Input,
  resolve: (s) => new Input(s),
  stringify: (item) => (item.value as Input).name,
};

export function toYaml(value: unknown): string {
  return stringify(value, { customTags: [inputTag], lineWidth: 0, aliasDuplicateObjects: false });
}
