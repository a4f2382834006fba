import { defineMiddlewares } from "@medusajs/framework/http"
import { chainTillWebhook } from "./hooks/chaintill-webhook"

export default defineMiddlewares({
  routes: [
    {
      // Medusa's own payment webhook path; the middleware handles ChainTill providers and passes the rest on
      matcher: "/hooks/payment/:provider",
      method: ["POST"],
      bodyParser: { preserveRawBody: true },
      middlewares: [chainTillWebhook],
    },
  ],
})
