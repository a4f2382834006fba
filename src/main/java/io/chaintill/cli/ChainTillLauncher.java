package io.chaintill.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Main-Class of target/chaintill.jar (the Payara Micro uber-jar). {@code java -jar chaintill.jar sweep ...} runs
 * the offline sweep tool, {@code payouts ...} the offline payout tool; anything else goes to Payara Micro's own main class unchanged, so the server starts
 * exactly as before. JDK classes only: it runs before any of the application's libraries are reachable.
 *
 * <p>The sweep needs the application's classes and libraries, which sit inside the embedded WAR. They are
 * unpacked once into {@code ${CHAINTILL_CACHE:-~/.cache/chaintill}/sweep/<sha-256 of the WAR>} and loaded in a
 * class loader of their own, so Payara's runtime classes never mix with them.
 */
public final class ChainTillLauncher {
    static final String PAYARA_MAIN = "fish.payara.micro.PayaraMicro";
    static final String SWEEP_MAIN = "io.chaintill.sweep.SweepCommand";
    static final String PAYOUTS_MAIN = "io.chaintill.sweep.PayoutsCommand";
    static final String EMBEDDED_WAR = "MICRO-INF/deploy/ROOT.war";
    private static final String READY = ".complete";

    private ChainTillLauncher() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length > 0 && ("sweep".equals(args[0]) || "payouts".equals(args[0]))) {
            Path unpacked = unpackedApplication(ownJar(), cacheRoot());
            invokeMain(sweepLoader(unpacked), "sweep".equals(args[0]) ? SWEEP_MAIN : PAYOUTS_MAIN,
                    Arrays.copyOfRange(args, 1, args.length));
        } else {
            invokeMain(ChainTillLauncher.class.getClassLoader(), PAYARA_MAIN, args);
        }
    }

    private static void invokeMain(ClassLoader loader, String className, String[] args) throws Throwable {
        Method main = Class.forName(className, true, loader).getMethod("main", String[].class);
        Thread.currentThread().setContextClassLoader(loader);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause(); // the program's own failure, not the reflection around it
        }
    }

    private static Path ownJar() {
        try {
            Path jar = Path.of(ChainTillLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("sweep: run it from the uber-jar: java -jar chaintill.jar sweep ...");
            }
            return jar;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("sweep: cannot locate chaintill.jar", e);
        }
    }

    /** ${CHAINTILL_CACHE:-~/.cache/chaintill}/sweep, the cache the installers under deploy/ use too. */
    private static Path cacheRoot() {
        String cache = System.getenv("CHAINTILL_CACHE");
        return (cache != null && !cache.isBlank() ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache", "chaintill")).resolve("sweep");
    }

    /** The WAR's WEB-INF/classes and WEB-INF/lib, unpacked once per distinct WAR into a folder under {@code root}. */
    static Path unpackedApplication(Path jar, Path root) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry war = zip.getEntry(EMBEDDED_WAR);
            if (war == null) {
                throw new IllegalStateException("sweep: " + jar + " holds no " + EMBEDDED_WAR + ": not a ChainTill jar");
            }
            Path target = root.resolve(sha256(zip, war));
            if (Files.isRegularFile(target.resolve(READY))) {
                return target;
            }
            Files.createDirectories(root);
            // unpack beside the target and rename: a concurrent run or a crash never leaves a half-filled folder in use
            Path staging = Files.createTempDirectory(root, "unpacking-");
            try {
                unpack(zip, war, staging);
                Files.createFile(staging.resolve(READY));
                try {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                    if (!Files.isRegularFile(target.resolve(READY))) {
                        throw e;
                    }
                } catch (IOException e) {
                    // another run finished first (a non-empty target cannot be replaced): use that one
                    if (!Files.isRegularFile(target.resolve(READY))) {
                        throw e;
                    }
                }
            } finally {
                deleteTree(staging);
            }
            return target;
        }
    }

    private static String sha256(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = new DigestInputStream(zip.getInputStream(entry), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void unpack(ZipFile zip, ZipEntry war, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(zip.getInputStream(war))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String name = e.getName();
                if (e.isDirectory() || !(name.startsWith("WEB-INF/classes/") || name.startsWith("WEB-INF/lib/"))) {
                    continue;
                }
                Path out = into.resolve(name.substring("WEB-INF/".length())).normalize();
                if (!out.startsWith(into)) {
                    throw new IOException("unsafe entry name in the WAR: " + name);
                }
                Files.createDirectories(out.getParent());
                Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static ClassLoader sweepLoader(Path unpacked) throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(unpacked.resolve("classes").toUri().toURL());
        Path lib = unpacked.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                for (Path j : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                    urls.add(j.toUri().toURL());
                }
            }
        }
        // parent = platform loader: JDK modules only, none of Payara's classes from the uber-jar
        return new URLClassLoader("chaintill-sweep", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // leftovers of a failed unpack are harmless: the next run unpacks into a fresh folder
        }
    }
}
