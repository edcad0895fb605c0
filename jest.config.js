/**
 * One jest run, several projects. Transforms use an inline babel config so jest ignores
 * Taro's babel preset (babel.config.js is for the Taro build).
 */
const nodeBabel = [
  'babel-jest',
  {
    configFile: false,
    babelrc: false,
    presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript'],
  },
];

const reactBabel = [
  'babel-jest',
  {
    configFile: false,
    babelrc: false,
    presets: [
      ['@babel/preset-env', { targets: { node: 'current' } }],
      ['@babel/preset-react', { runtime: 'automatic' }],
      '@babel/preset-typescript',
    ],
  },
];

// CI runs two workers on two cores: a test that starts a host and seeds it may take longer
// than jest's default 5 s there. Tests that need more say so themselves.
const TEST_TIMEOUT_MS = 30_000;

const node = (displayName, testMatch, extra = {}) => ({
  displayName,
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch,
  transform: { '\\.[jt]sx?$': nodeBabel },
  ...extra,
});

module.exports = {
  // jest reads the timeout from the global config only (jest-circus), not per project.
  testTimeout: TEST_TIMEOUT_MS,
  projects: [
    node('unit', ['<rootDir>/tests/unit/**/*.test.ts', '<rootDir>/tests/contract/**/*.test.ts']),
    node('integration', ['<rootDir>/tests/integration/**/*.test.ts']),
    node('tooling', ['<rootDir>/tests/tooling/**/*.test.ts']),
    node('e2e', ['<rootDir>/tests/e2e/**/*.test.ts']),
    {
      displayName: 'pages',
      rootDir: __dirname,
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/pages/**/*.test.ts?(x)'],
      setupFiles: ['<rootDir>/tests/pages/setup.ts'],
      moduleNameMapper: {
        '^@tarojs/components$': '<rootDir>/tests/pages/__mocks__/taro-components.tsx',
        '^@tarojs/taro$': '<rootDir>/tests/pages/__mocks__/taro.ts',
        '\\.(css|scss|sass)$': '<rootDir>/tests/pages/__mocks__/style.ts',
        '^@/(.*)$': '<rootDir>/src/$1',
      },
      transform: { '\\.[jt]sx?$': reactBabel },
      transformIgnorePatterns: ['/node_modules/(?!(@nutui|@tarojs)/)'],
    },
  ],
};
