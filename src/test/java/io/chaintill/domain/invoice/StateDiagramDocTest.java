package io.chaintill.domain.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/state-diagram.md shows the transition table as it is in code, so the doc cannot drift. */
class StateDiagramDocTest {

    static Path doc() {
        return Path.of(System.getProperty("basedir", ".")).resolve("docs").resolve("state-diagram.md");
    }

    /** The content of every ```mermaid fenced block, lines joined with \n and a trailing \n. */
    static List<String> mermaidBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = null;
        for (String line : markdown.lines().toList()) {
            if (current == null) {
                if (line.strip().equals("```mermaid")) {
                    current = new StringBuilder();
                }
            } else if (line.strip().equals("```")) {
                blocks.add(current.toString());
                current = null;
            } else {
                current.append(line).append('\n');
            }
        }
        assertEquals(null, current, "unterminated mermaid block");
        return blocks;
    }

    @Test
    void docMermaidBlockIsExactlyTheGeneratedDiagram() throws IOException {
        Path doc = doc();
        assertTrue(Files.isRegularFile(doc), "missing " + doc.toAbsolutePath());
        List<String> blocks = mermaidBlocks(Files.readString(doc));
        assertEquals(1, blocks.size(), "docs/state-diagram.md should hold one mermaid block");
        assertEquals(InvoiceTransition.mermaid(), blocks.get(0),
                "docs/state-diagram.md is out of date: paste InvoiceTransition.mermaid() into its mermaid block");
    }

    @Test
    void docNamesEveryStatusAndAdditionalStatus() throws IOException {
        String text = Files.readString(doc());
        for (InvoiceStatus s : InvoiceStatus.values()) {
            assertTrue(text.contains("`" + s + "`"), "status " + s + " is not explained");
        }
        for (AdditionalStatus s : AdditionalStatus.values()) {
            assertTrue(text.contains("`" + s + "`"), "additional status " + s + " is not explained");
        }
    }

    @Test
    void blockExtractionSeesADriftedLine() {
        String drifted = "# x\n```mermaid\nstateDiagram-v2\n    New --> Settled: paid\n```\n";
        assertEquals(List.of("stateDiagram-v2\n    New --> Settled: paid\n"), mermaidBlocks(drifted));
        assertTrue(!InvoiceTransition.mermaid().equals(mermaidBlocks(drifted).get(0)));
    }
}
