// As Medusa's generated projects do: a fresh MikroORM metadata registry for each test file.
const { MetadataStorage } = require("@mikro-orm/core")

MetadataStorage.clear()
