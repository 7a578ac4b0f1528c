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
  // YAML 1.1 output: HA's loader reads 1.1, where unquoted on/off are booleans and 09:00:00 is a number.
  return stringify(value, { version: '1.1', customTags: [inputTag], lineWidth: 0, aliasDuplicateObjects: false });
}
