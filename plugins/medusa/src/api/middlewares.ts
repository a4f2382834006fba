import { defineMiddlewares } from "@medusajs/framework/http"

export default defineMiddlewares({
  routes: [
    {
      // the signature covers the exact bytes ChainTill sent: keep them next to the parsed body
      matcher: "/hooks/chaintill/:id",
      method: ["POST"],
      bodyParser: { preserveRawBody: true },
    },
  ],
})
