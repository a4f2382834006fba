package io.chaintill.chain.bitcoin.rpc;

import java.util.OptionalInt;

/**
 * Any failure talking to bitcoind: unreachable, too slow, wrong credentials, an answer that is not
 * JSON-RPC, or an error object from the node itself. Unchecked because a chain follower cannot do
 * anything local about it: it retries on its next run and raises a chain alert meanwhile.
 */
public class BitcoindRpcException extends RuntimeException {

    /** What went wrong, so callers can tell "node down" from "node said no". */
    public enum Kind {
        /** Connection refused, reset, DNS, I/O. */
        CONNECTION,
        /** No complete answer within the request timeout. */
        TIMEOUT,
        /** HTTP 401: rpcuser/rpcpassword (or cookie) do not match the node's. */
        UNAUTHORIZED,
        /** HTTP 403: the node refuses this client address (rpcallowip). */
        FORBIDDEN,
        /** Any other HTTP status without a JSON-RPC error body. */
        HTTP_STATUS,
        /** The body is not JSON, not a JSON-RPC answer, or the result has an unexpected shape. */
        MALFORMED_RESPONSE,
        /** The node answered with a JSON-RPC error object; see {@link #rpcCode()}. */
        RPC_ERROR
    }

    private final Kind kind;
    private final Integer rpcCode;

    BitcoindRpcException(Kind kind, String message, Integer rpcCode, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.rpcCode = rpcCode;
    }

    public Kind kind() {
        return kind;
    }

    /** The node's own error code (e.g. -5 not found, -8 invalid parameter, -28 warming up). */
    public OptionalInt rpcCode() {
        return rpcCode == null ? OptionalInt.empty() : OptionalInt.of(rpcCode);
    }

    /** True for errors that go away by themselves: unreachable, slow, or still loading its index. */
    public boolean isTransient() {
        return kind == Kind.CONNECTION || kind == Kind.TIMEOUT
                || (kind == Kind.RPC_ERROR && rpcCode != null && rpcCode == BitcoindRpcErrorCodes.IN_WARMUP);
    }
}
