// The Medusa application the integration tests run (and a starting point for your own medusa-config.ts).
import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

export default defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS || "http://127.0.0.1:8000",
      adminCors: process.env.ADMIN_CORS || "http://127.0.0.1:9000",
      authCors: process.env.AUTH_CORS || "http://127.0.0.1:9000",
      jwtSecret: process.env.JWT_SECRET || "test-only-jwt-secret",
      cookieSecret: process.env.COOKIE_SECRET || "test-only-cookie-secret",
    },
  },
  admin: { disable: true },
  modules: [
    {
      resolve: "@medusajs/medusa/payment",
      options: {
        providers: [
          {
            resolve: "./src/providers/chaintill",
            id: "chaintill",
            options: {
              serverUrl: process.env.CHAINTILL_URL,
              apiKey: process.env.CHAINTILL_API_KEY,
              storeId: process.env.CHAINTILL_STORE_ID,
              webhookSecret: process.env.CHAINTILL_WEBHOOK_SECRET,
              redirectUrl: process.env.CHAINTILL_REDIRECT_URL || "http://127.0.0.1:8000/order/confirmed/{session_id}",
              expirationMinutes: process.env.CHAINTILL_EXPIRATION_MINUTES
                ? Number(process.env.CHAINTILL_EXPIRATION_MINUTES)
                : undefined,
            },
          },
        ],
      },
    },
  ],
})
