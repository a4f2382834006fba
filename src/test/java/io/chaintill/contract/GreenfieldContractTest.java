package io.chaintill.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The extract, the operations table and the validator's reading of OpenAPI 3.0, without a server. */
class GreenfieldContractTest {
    private static final Path RESOURCES = Path.of("src/test/resources/greenfield");
    private static final String INVOICE = "{\"id\":\"inv1\",\"storeId\":\"s1\",\"amount\":\"10\",\"paidAmount\":\"0\","
            + "\"currency\":\"USD\",\"type\":\"Standard\",\"checkoutLink\":\"http://x/i/inv1\",\"createdTime\":1,"
            + "\"expirationTime\":2,\"monitoringExpiration\":3,\"status\":\"New\",\"additionalStatus\":\"None\","
            + "\"availableStatusesForManualMarking\":[\"Settled\",\"Invalid\"],\"archived\":false,\"metadata\":{},"
            + "\"checkout\":{\"speedPolicy\":\"MediumSpeed\",\"paymentMethods\":[\"BTC-CHAIN\"],\"defaultPaymentMethod\":null},"
            + "\"receipt\":{\"enabled\":true,\"showQR\":null,\"showPayments\":false}";
    private final GreenfieldContract contract = GreenfieldContract.get();

    @Test
    void theTablesGeneratedColumnsAreWhatTheExtractDerives() throws IOException {
        String tsv = Files.readString(RESOURCES.resolve("operations.tsv"), StandardCharsets.UTF_8);
        JsonNode newest = new ObjectMapper().readTree(RESOURCES.resolve(
                GreenfieldExtract.fileName(GreenfieldExtract.VERSIONS.get(0))).toFile());
        List<OperationsTable.Row> derived = OperationsTable.derive(newest);
        assertEquals(derived, OperationsTable.generatedColumns(tsv));
        assertEquals(tsv, OperationsTable.merge(tsv, derived), "regenerating the table changes nothing");
        assertTrue(derived.size() > 150, "the whole v2.4.1 document: " + derived.size());
    }

    @Test
    void theExtractIsWhatTheGeneratorMakesOfTheSharedDocuments() throws IOException {
        Path shared = Path.of("../shared/reference/greenfield");
        Assumptions.assumeTrue(Files.isDirectory(shared), "BTCPay's documents are not beside this checkout");
        ObjectMapper json = new ObjectMapper();
        for (String version : GreenfieldExtract.VERSIONS) {
            JsonNode fresh = GreenfieldExtract.extract(json.readTree(shared.resolve("btcpay-greenfield-" + version + ".json").toFile()), version);
            assertEquals(fresh, json.readTree(RESOURCES.resolve(GreenfieldExtract.fileName(version)).toFile()),
                    version + " extract is stale: mvn -o -q test-compile exec:java@greenfield-extract");
        }
    }

    @Test
    void theExtractKeepsNoProse() throws IOException {
        String text = Files.readString(RESOURCES.resolve(GreenfieldExtract.fileName("v2.4.1")));
        assertTrue(!text.contains("\"summary\"") && !text.contains("\"example\"") && !text.contains("\"x-"), "no prose");
        JsonNode store = new ObjectMapper().readTree(text).at("/components/schemas/StoreBaseData/properties");
        assertTrue(store.has("name") && !store.path("name").has("description"), "schemas kept, their descriptions not");
    }

    @Test
    void aValidInvoiceListPassesInBothDocuments() {
        String list = "[" + INVOICE + ",\"paymentMethods\":[]}]";
        assertEquals(List.of(), contract.violations("GET", "/api/v1/stores/s1/invoices", 200, list));
        assertTrue(contract.validated().contains("v1.13.7 Invoices_GetInvoices"));
        assertTrue(contract.validated().contains("v2.4.1 Invoices_GetInvoices"));
    }

    @Test
    void aNullAmountFailsNamingTheOperationAndThePath() {
        String list = "[" + INVOICE.replace("\"amount\":\"10\"", "\"amount\":null") + "}]";
        List<String> v = contract.violations("get", "/API/v1/stores/s1/Invoices?take=1", 200, list);
        assertTrue(v.stream().anyMatch(m -> m.contains("Invoices_GetInvoices") && m.contains("$[0].amount")
                && m.contains("v2.4.1")), v.toString());
    }

    @Test
    void unknownPropertiesFailWhereBtcpaysSchemaIsClosedEvenAcrossAllOf() {
        List<String> v = contract.violations("GET", "/api/v1/invoices/inv1", 200, INVOICE + ",\"bogus\":1}");
        assertTrue(v.stream().anyMatch(m -> m.contains("bogus")), v.toString());
        assertEquals(List.of(), contract.violations("GET", "/api/v1/stores/s1/invoices/inv1", 200, INVOICE + "}"));
    }

    @Test
    void nullableObjectsAcceptNullAndDecimalsMustBeDecimalStrings() {
        assertEquals(List.of(), contract.violations("GET", "/api/v1/stores/s1/invoices/inv1", 200,
                INVOICE.replaceFirst("\"receipt\":\\{[^}]*}", "\"receipt\":null") + "}"));
        List<String> v = contract.violations("GET", "/api/v1/invoices/inv1", 200,
                INVOICE.replace("\"amount\":\"10\"", "\"amount\":\"ten\"") + "}");
        assertTrue(v.stream().anyMatch(m -> m.contains("$.amount")), v.toString());
    }

    @Test
    void unknownRoutesAndUndocumentedStatusesAreViolations() {
        assertTrue(contract.violations("GET", "/api/v1/nowhere", 200, "{}").get(0).contains("no BTCPay document"));
        assertTrue(contract.violations("GET", "/api/v1/stores/s1/invoices/inv1/payment-methods", 418, "{}").isEmpty()
                || contract.violations("GET", "/api/v1/stores/s1/invoices/inv1/payment-methods", 418, "{}").get(0)
                        .contains("ProblemDetails") == false);
    }

    @Test
    void aGreenfield1RouteIsCheckedAgainstTheDocumentThatHasIt() {
        List<String> v = contract.violations("GET", "/api/v1/stores/s1/payment-methods/OnChain", 200, "[]");
        assertEquals(List.of(), v);
        assertTrue(contract.validated().contains("v1.13.7 StoreOnChainPaymentMethods_GetOnChainPaymentMethods"));
        assertTrue(contract.operation("v2.4.1", "PUT", "/api/v1/stores/s1/payment-methods/BTC-CHAIN").isPresent());
    }

    @Test
    void theWebhookSamplesOfBtcpaysEventsKeepBtcpaysWebhookSchemas() throws IOException {
        int checked = 0;
        try (var files = Files.list(Path.of("webhooks/samples"))) {
            for (Path sample : files.sorted().toList()) {
                String type = sample.getFileName().toString().replace(".json", "");
                if (!contract.documentsWebhook(type)) {
                    continue; // ChainTill's own events (ChainAlert, InvoicePaymentRemoved): docs/webhooks.md
                }
                assertEquals(List.of(), contract.webhookViolations(type, Files.readString(sample, StandardCharsets.UTF_8)), type);
                checked++;
            }
        }
        assertEquals(10, checked, "BTCPay's seven invoice events and three payout events have a sample each");
        assertTrue(contract.validated().contains("v2.4.1 Webhook_InvoiceReceivedPayment"));
    }

    @Test
    void aWebhookPropertyBtcpayDoesNotNameFailsAndAnUnknownEventIsReported() {
        String created = "{\"deliveryId\":\"d1\",\"webhookId\":\"w1\",\"originalDeliveryId\":\"d1\",\"isRedelivery\":false,"
                + "\"type\":\"InvoiceCreated\",\"timestamp\":1,\"storeId\":\"s1\",\"invoiceId\":\"i1\",\"metadata\":{}";
        assertEquals(List.of(), contract.webhookViolations("InvoiceCreated", created + "}"));
        List<String> v = contract.webhookViolations("InvoiceCreated", created + ",\"bogus\":1}");
        assertTrue(v.stream().anyMatch(m -> m.contains("bogus")), v.toString());
        assertTrue(contract.webhookViolations("ChainAlert", "{}").get(0).contains("no BTCPay document"));
    }
}
