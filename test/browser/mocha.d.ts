// The mocha globals web-test-runner provides (no @types/mocha in the tree).
declare function describe(name: string, fn: () => void): void;
declare function it(name: string, fn: () => Promise<void> | void): void;
declare function afterEach(fn: () => Promise<void> | void): void;
