package io.chaintill.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Production code builds JSON through {@link Json}, never through {@code jakarta.json.Json}, whose every call looks
 * the provider up again in the WAR's jars (the invoice-creation hot spot of issue 17). Several branches added new
 * classes with the old import at once; this keeps it from coming back.
 */
class OneJsonProviderTest {
    @Test
    void noProductionClassUsesJakartasJsonFactory() throws IOException {
        Path root = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(root)) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.endsWith(Path.of("io/chaintill/json/Json.java")))
                    .filter(OneJsonProviderTest::usesJakartaJson)
                    .map(p -> root.relativize(p).toString()).sorted().toList();
            assertEquals(List.of(), offenders, "import io.chaintill.json.Json instead of jakarta.json.Json");
        }
    }

    private static boolean usesJakartaJson(Path file) {
        try {
            String source = Files.readString(file);
            return source.contains("import jakarta.json.Json;") || source.contains("jakarta.json.Json.create");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
