// Tests ChainTillWebhookVerifier against ../fixtures.json (signed by the ChainTill server's own signer).
// No build tool, no dependencies (JDK 17+):
//   javac -d /tmp/ctv ChainTillWebhookVerifier.java
//   java -cp /tmp/ctv ChainTillWebhookVerifierTest.java [path/to/fixtures.json]

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SignatureException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class ChainTillWebhookVerifierTest {

    interface Check {
        void run() throws Exception;
    }

    static int failures;

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "../fixtures.json");
        Map<?, ?> f = (Map<?, ?>) new MiniJson(Files.readString(file, StandardCharsets.UTF_8)).value();
        String secret = (String) f.get("secret");
        String previous = (String) f.get("previousSecret");
        long t = ((Number) f.get("t")).longValue();
        byte[] body = ((String) f.get("body")).getBytes(StandardCharsets.UTF_8);
        Map<?, ?> headers = (Map<?, ?>) f.get("headers");
        String sig = (String) headers.get("ChainTill-Signature");
        String btcpay = (String) headers.get("BTCPay-Sig");
        String rotation = (String) f.get("rotationHeader");
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("0.00150000", "0.00150001")
                .getBytes(StandardCharsets.UTF_8);
        // What a receiver gets if it parses and re-serializes instead of keeping the raw bytes.
        byte[] reserialized = new String(body, StandardCharsets.UTF_8).replaceAll("\\n\\s*", "").replace("\": ", "\":")
                .getBytes(StandardCharsets.UTF_8);

        check("accepts the server's ChainTill-Signature", () -> ChainTillWebhookVerifier.verify(secret, body, sig, t, 300));
        check("accepts at the edges of the window", () -> {
            ChainTillWebhookVerifier.verify(secret, body, sig, t + 300, 300);
            ChainTillWebhookVerifier.verify(secret, body, sig, t - 300, 300);
        });
        check("accepts the server's BTCPay-Sig", () -> ChainTillWebhookVerifier.verifyBtcpaySig(secret, body, btcpay));
        check("accepts any matching v1 and ignores unknown schemes", () -> {
            ChainTillWebhookVerifier.verify(secret, body, rotation, t, 300);
            ChainTillWebhookVerifier.verify(previous, body, rotation, t, 300);
        });
        rejects("tampered body", () -> ChainTillWebhookVerifier.verify(secret, tampered, sig, t, 300));
        rejects("tampered body (BTCPay-Sig)", () -> ChainTillWebhookVerifier.verifyBtcpaySig(secret, tampered, btcpay));
        rejects("re-serialized body", () -> ChainTillWebhookVerifier.verify(secret, reserialized, sig, t, 300));
        rejects("wrong secret", () -> ChainTillWebhookVerifier.verify(secret + "x", body, sig, t, 300));
        rejects("wrong secret (BTCPay-Sig)", () -> ChainTillWebhookVerifier.verifyBtcpaySig("wrong", body, btcpay));
        rejects("stale timestamp", () -> ChainTillWebhookVerifier.verify(secret, body, sig, t + 301, 300));
        rejects("timestamp from the future", () -> ChainTillWebhookVerifier.verify(secret, body, sig, t - 301, 300));
        rejects("stale timestamp with the default clock", () -> ChainTillWebhookVerifier.verify(secret, body, sig));
        rejects("timestamp swapped into a valid signature", () -> ChainTillWebhookVerifier.verify(secret, body,
                sig.replace("t=" + t, "t=" + (t + 60)), t + 60, 300));
        rejects("only unknown schemes", () -> ChainTillWebhookVerifier.verify(secret, body,
                sig.replace("v1=", "v2="), t, 300));
        rejects("missing header", () -> ChainTillWebhookVerifier.verify(secret, body, null, t, 300));
        rejects("malformed header", () -> ChainTillWebhookVerifier.verify(secret, body, "garbage", t, 300));
        rejects("uppercase hex", () -> ChainTillWebhookVerifier.verify(secret, body,
                "t=" + t + ",v1=" + sig.substring(sig.indexOf("v1=") + 3).toUpperCase(), t, 300));

        System.out.println(failures == 0 ? "java: all checks passed" : "java: " + failures + " check(s) FAILED");
        System.exit(failures == 0 ? 0 : 1);
    }

    static void check(String name, Check c) {
        try {
            c.run();
            System.out.println("ok - " + name);
        } catch (Exception e) {
            failures++;
            System.out.println("not ok - " + name + ": " + e);
        }
    }

    static void rejects(String name, Check c) {
        try {
            c.run();
            failures++;
            System.out.println("not ok - rejects " + name + ": it was accepted");
        } catch (SignatureException e) {
            System.out.println("ok - rejects " + name + " (" + e.getMessage() + ")");
        } catch (Exception e) {
            failures++;
            System.out.println("not ok - rejects " + name + ": wrong exception " + e);
        }
    }

    /** Just enough JSON to read fixtures.json (objects, arrays, strings, numbers, literals). */
    static final class MiniJson {
        private final String s;
        private int i;

        MiniJson(String s) {
            this.s = s;
        }

        Object value() {
            skip();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                i++;
                skip();
                if (s.charAt(i) == '}') {
                    i++;
                    return m;
                }
                do {
                    skip();
                    String k = string();
                    skip();
                    expect(':');
                    m.put(k, value());
                    skip();
                } while (s.charAt(i++) == ',');
                return m;
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                i++;
                skip();
                if (s.charAt(i) == ']') {
                    i++;
                    return l;
                }
                do {
                    l.add(value());
                    skip();
                } while (s.charAt(i++) == ',');
                return l;
            }
            if (c == '"') {
                return string();
            }
            for (String lit : new String[] {"true", "false", "null"}) {
                if (s.startsWith(lit, i)) {
                    i += lit.length();
                    return lit.equals("null") ? null : Boolean.valueOf(lit);
                }
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            return Double.valueOf(s.substring(start, i));
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e); // \" \\ \/
                }
            }
        }

        private void expect(char c) {
            if (s.charAt(i++) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + (i - 1));
            }
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
