// Which repo files are tests or mocks: they repeat declarations by design (each test
// its own `Post` entity), so `init` never takes them for the code being migrated.

const TEST_FILE = /(^|\/)(tests?|__tests__|__mocks__|spec|e2e)\/|\.(test|spec)\.[cm]?[jt]sx?$/;

export function isTestFile(file: string): boolean {
  return TEST_FILE.test(file);
}
