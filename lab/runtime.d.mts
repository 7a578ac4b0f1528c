export function labPython(root: string, key: string, script: string): [string, string[]];
