import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import ChainTillPaymentProviderService from "./service"

export default ModuleProvider(Modules.PAYMENT, {
  services: [ChainTillPaymentProviderService],
})
