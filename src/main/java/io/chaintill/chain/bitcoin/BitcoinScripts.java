package io.chaintill.chain.bitcoin;

import io.chaintill.chain.ChainNetwork;
import java.util.HexFormat;
import org.bitcoinj.base.Address;
import org.bitcoinj.base.AddressParser;
import org.bitcoinj.script.ScriptBuilder;

/** The output script (hex) an address stands for: what the chain follower matches outputs against. */
public final class BitcoinScripts {
    private BitcoinScripts() {
    }

    public static String scriptHex(String address, ChainNetwork network) {
        Address parsed = AddressParser.getDefault(BitcoinNetworks.of(network)).parseAddress(address);
        return HexFormat.of().formatHex(ScriptBuilder.createOutputScript(parsed).program());
    }
}
