package io.chaintill.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every column that references another table leads an index or the primary key, read from the SQL migrations.
 * H2 indexes a foreign key by itself and PostgreSQL does not, so a missing one only shows on PostgreSQL, as a full
 * scan per read (an invoice's prompts were scanned for every get by id until V27).
 */
class ForeignKeyIndexTest {
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern TABLE = Pattern.compile("CREATE TABLE (\\w+)\\s*\\((.*?)\\n\\);", Pattern.DOTALL);
    private static final Pattern REFERENCING_COLUMN = Pattern.compile("^\\s*(\\w+)\\s+[^,]*\\bREFERENCES\\b", Pattern.MULTILINE);
    private static final Pattern INLINE_PRIMARY_KEY = Pattern.compile("^\\s*(\\w+)\\s+[^,]*\\bPRIMARY KEY\\b", Pattern.MULTILINE);
    private static final Pattern TABLE_PRIMARY_KEY = Pattern.compile("PRIMARY KEY \\((\\w+)");
    private static final Pattern ADDED_REFERENCE = Pattern.compile("ALTER TABLE (\\w+) ADD (?:COLUMN )?(\\w+)[^;]*\\bREFERENCES\\b");
    private static final Pattern INDEX = Pattern.compile("CREATE (?:UNIQUE )?INDEX \\w+ ON (\\w+) \\((\\w+)");

    @Test
    void everyReferencingColumnLeadsAnIndex() throws IOException {
        String sql = migrations();
        Set<String> leading = new HashSet<>();
        List<String> referencing = new ArrayList<>();
        for (Matcher t = TABLE.matcher(sql); t.find(); ) {
            String table = t.group(1);
            String body = t.group(2);
            REFERENCING_COLUMN.matcher(body).results().forEach(m -> referencing.add(table + "." + m.group(1)));
            INLINE_PRIMARY_KEY.matcher(body).results().forEach(m -> leading.add(table + "." + m.group(1)));
            TABLE_PRIMARY_KEY.matcher(body).results().forEach(m -> leading.add(table + "." + m.group(1)));
        }
        ADDED_REFERENCE.matcher(sql).results().forEach(m -> referencing.add(m.group(1) + "." + m.group(2)));
        INDEX.matcher(sql).results().forEach(m -> leading.add(m.group(1) + "." + m.group(2)));

        assertTrue(referencing.size() >= 10, "the migrations' foreign keys were not found: " + referencing);
        assertTrue(referencing.contains("payment_prompt.invoice_id"), referencing.toString());
        assertEquals(List.of(), referencing.stream().filter(c -> !leading.contains(c)).toList(),
                "foreign key columns that lead no index (PostgreSQL scans the table for each lookup)");
    }

    private static String migrations() throws IOException {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                out.append(Files.readString(f)).append('\n');
            }
        }
        return out.toString();
    }
}
