package io.chaintill.chain.bitcoin;

import io.chaintill.chain.ChainNetwork;
import io.chaintill.chain.SecretMaterialGuard;
import io.chaintill.domain.InvalidInputException;
import java.util.Locale;
import org.bitcoinj.base.Address;
import org.bitcoinj.base.AddressParser;
import org.bitcoinj.base.exceptions.AddressFormatException;

/**
 * Where a bitcoin payout goes: an address of the server's network, alone or inside a BIP21 link. A private key,
 * seed or extended private key pasted by mistake is refused as such, so the recipient learns to keep it to themselves.
 */
public final class BitcoinPayoutAddress {
    public static final int MAX_LENGTH = 2000;

    private BitcoinPayoutAddress() {
    }

    public static String parse(String input, ChainNetwork network, String field) {
        if (input == null || input.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        String text = input.strip();
        if (text.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, "must be at most " + MAX_LENGTH + " characters");
        }
        if (SecretMaterialGuard.looksSecret(text)) {
            throw new InvalidInputException(field, "looks like a private key or seed: never share it; enter a bitcoin address to receive the payout");
        }
        String address = text;
        if (text.toLowerCase(Locale.ROOT).startsWith("bitcoin:")) {
            address = text.substring("bitcoin:".length());
            int query = address.indexOf('?');
            address = query < 0 ? address : address.substring(0, query);
        }
        if (address.length() > 100) {
            throw new InvalidInputException(field, "is not a bitcoin address");
        }
        try {
            Address parsed = AddressParser.getDefault(BitcoinNetworks.of(network)).parseAddress(address);
            return parsed.toString();
        } catch (AddressFormatException e) {
            // the wrong network parses as a format error too: name the network we expect
            throw new InvalidInputException(field, "is not a valid bitcoin address on " + network.name().toLowerCase(Locale.ROOT));
        }
    }
}
