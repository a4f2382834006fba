const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())
// tests talk to 127.0.0.1 only: no usage analytics to Medusa's servers
process.env.MEDUSA_DISABLE_TELEMETRY = "true"

module.exports = {
  transform: {
    "^.+\\.[jt]s$": ["@swc/jest", { jsc: { parser: { syntax: "typescript", decorators: true } } }],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/"],
  setupFiles: ["./integration-tests/setup.js"],
  testMatch:
    process.env.TEST_TYPE === "integration:http"
      ? ["**/integration-tests/http/*.spec.[jt]s"]
      : ["**/src/**/__tests__/**/*.unit.spec.[jt]s"],
}
