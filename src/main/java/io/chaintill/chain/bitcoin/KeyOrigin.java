package io.chaintill.chain.bitcoin;

import io.chaintill.domain.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where the store's account key sits under the wallet's master key: BTCPay's {@code accountKeyPath}
 * ({@code "d34db33f/84'/0'/0'"}). A PSBT names each key by this origin plus {@code /change/index}, so hardware
 * wallets and Sparrow recognise their keys. Without one the account key's own fingerprint and an empty path are
 * used (a descriptor-wallet bitcoind signs by script either way).
 */
public record KeyOrigin(byte[] fingerprint, List<Long> path) {
    static final long HARDENED = 0x80000000L;
    private static final Pattern TEXT = Pattern.compile("[0-9a-fA-F]{8}(/[0-9]{1,10}['hH]?){0,10}");

    public KeyOrigin {
        fingerprint = fingerprint.clone();
        path = List.copyOf(path);
    }

    /** Parses {@code accountKeyPath}, or falls back to the account key itself when it is null or blank. */
    public static KeyOrigin of(String accountKeyPath, DerivationScheme scheme) {
        if (accountKeyPath == null || accountKeyPath.isBlank()) {
            return new KeyOrigin(scheme.accountFingerprint(), List.of());
        }
        String text = accountKeyPath.strip();
        if (text.length() > 120 || !TEXT.matcher(text).matches()) {
            throw new InvalidInputException("accountKeyPath", "must be a master fingerprint and a path, like d34db33f/84'/0'/0'");
        }
        String[] parts = text.split("/");
        List<Long> path = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].toLowerCase(Locale.ROOT);
            boolean hardened = p.endsWith("'") || p.endsWith("h");
            long n = Long.parseLong(hardened ? p.substring(0, p.length() - 1) : p);
            if (n >= HARDENED) {
                throw new InvalidInputException("accountKeyPath", "has a path step above 2147483647");
            }
            path.add(hardened ? n | 0x80000000L : n);
        }
        return new KeyOrigin(HexFormat.of().parseHex(parts[0]), path);
    }

    /** BIP 174's derivation value for key {@code /change/index}: fingerprint, then each step as 32-bit little endian. */
    public byte[] derivation(boolean change, int index) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(fingerprint);
        for (long step : path) {
            CompactSize.littleEndian(out, step, 4);
        }
        CompactSize.littleEndian(out, change ? 1 : 0, 4);
        CompactSize.littleEndian(out, index, 4);
        return out.toByteArray();
    }
}
