package io.chaintill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's unpacking of the WAR inside the uber-jar (the real jar and its delegation are exercised by SweepIT). */
class SweepLauncherTest {
    @TempDir
    Path dir;

    @Test
    void unpacksClassesAndLibsOnceAndOnlyThose() throws IOException {
        String classBytes = "class bytes";
        Path jar = uberJar(Map.of("WEB-INF/classes/io/x/A.class", classBytes, "WEB-INF/lib/lib.jar", "jar",
                "WEB-INF/web.xml", "no", "index.html", "no"));
        Path unpacked = ChainTillLauncher.unpackedApplication(jar, cache());
        assertEquals(classBytes, Files.readString(unpacked.resolve("classes/io/x/A.class")));
        assertTrue(Files.isRegularFile(unpacked.resolve("lib/lib.jar")));
        assertFalse(Files.exists(unpacked.resolve("web.xml")), "only classes and libraries");
        long stamp = Files.getLastModifiedTime(unpacked.resolve("classes/io/x/A.class")).toMillis();
        assertEquals(unpacked, ChainTillLauncher.unpackedApplication(jar, cache()), "second run reuses the folder");
        assertEquals(stamp, Files.getLastModifiedTime(unpacked.resolve("classes/io/x/A.class")).toMillis());

        Path other = uberJar(Map.of("WEB-INF/classes/io/x/A.class", classBytes + "-changed"));
        Path unpackedOther = ChainTillLauncher.unpackedApplication(other, cache());
        assertNotEquals(unpacked, unpackedOther, "another WAR, another folder");
        assertEquals(cache(), unpacked.getParent());
    }

    @Test
    void refusesAJarWithoutTheWarAndPathsLeavingTheFolder() throws IOException {
        Path plain = dir.resolve("plain.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(plain))) {
            zip.putNextEntry(new ZipEntry("x.txt"));
        }
        assertTrue(assertThrows(IllegalStateException.class, () -> ChainTillLauncher.unpackedApplication(plain, cache()))
                .getMessage().contains("not a ChainTill jar"));
        Path evil = uberJar(Map.of("WEB-INF/lib/../../../escape.jar", "x"));
        assertTrue(assertThrows(IOException.class, () -> ChainTillLauncher.unpackedApplication(evil, cache()))
                .getMessage().contains("unsafe entry"));
        assertFalse(Files.exists(dir.resolve("escape.jar")));
        try (var left = Files.list(cache())) {
            assertEquals(0, left.count(), "the failed unpack left nothing behind");
        }
    }

    private Path uberJar(Map<String, String> warEntries) throws IOException {
        ByteArrayOutputStream war = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(war)) {
            for (var e : warEntries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        Path jar = Files.createTempFile(dir, "uber", ".jar");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(ChainTillLauncher.EMBEDDED_WAR));
            zip.write(war.toByteArray());
        }
        return jar;
    }

    private Path cache() {
        return dir.resolve("cache");
    }
}
