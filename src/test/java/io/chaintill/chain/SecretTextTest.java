package io.chaintill.chain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretTextTest {
    // BIP32 test vector 1's master xprv; WIF of private key 1 (mainnet compressed, testnet); a 64-hex key
    private static final String XPRV = "xprv9s21ZrQH143K3QTDL4LutGbV1nSqtTinbEe3sGB1vzPXb1HBrNstGWxmVaCgQVeGm"
            + "2WxV2b43VQZNHr1u3HRTuQRhGYijeQWeCFVWVfGBq8";
    private static final String WIF = "KwDiBf89QgGbjEhKnhXJuH7LrciVrZi3qYjgd9M7rFU73sVHnoWn";
    private static final String TESTNET_WIF = "cMahea7zqjxrtgAbB7LSGbcQUr1uX1ojuat9jZodMN87JcbXMTcA";
    private static final String HEX = "0c28fca386c7a227600b2fe50b7cae11ec86d3bf1fbe471be89827e19d72aa1d";
    private static final String SEED = "legal winner thank year wave sausage worth useful legal winner thank yellow";

    @Test
    void keysAreFoundWhereverTheyAreInTheText() {
        for (String key : List.of(XPRV, WIF, TESTNET_WIF, HEX, "0x" + HEX, SEED, SEED.toUpperCase())) {
            assertTrue(SecretText.containsSecret(key), key);
            assertTrue(SecretText.containsSecret("my key: wpkh(" + key + "/0/*) thanks"), key);
            assertTrue(SecretText.containsSecret(key.replace(" ", "\n") + "-[p2sh]"), key);
        }
    }

    @Test
    void ordinaryTextPasses() {
        for (String text : List.of("The very best coffee shop in the whole wide world, open every day from nine",
                "vpub5Y6cjg78GGuNLsaPhmYsiw4gYX3HoQiRBiSwDaBXKUafCt9bNwWQiitDk5VZ5BVxYnQdwoTyXSs2JHRPAgjAvtbBrf8ZhDYe2jWAqvZVnsc",
                "bcrt1q6rz28mcfaxtmd6v789l9rrlrusdprr9pz3cppk and 0x5FbDB2315678afecb367f032d93F642f64180aa3",
                "order 1001: two cups, one saucer; ship to Istanbul, deliver before noon please",
                "a" + HEX + "b".repeat(3) + "g", HEX + "0", "WIF-shaped but bad checksum: KwDiBf89QgGbjEhKnhXJuH7LrciVrZi3qYjgd9M7rFU73sVHnoWx",
                "about above absent absorb abstract absurd abuse access accident account accuse the achieve")) {
            assertFalse(SecretText.containsSecret(text), text);
        }
    }

    @Test
    void largeInputIsLinear() {
        String big = "wxyz ".repeat(200_000) + "x/".repeat(100_000) + "prv".repeat(100_000);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertFalse(SecretText.containsSecret(big)));
    }
}
