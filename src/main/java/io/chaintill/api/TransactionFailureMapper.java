package io.chaintill.api;

import jakarta.annotation.Priority;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A failure at commit reaches JAX-RS as a {@link TransactionalException}, for which Jersey's CDI integration brings
 * its own mapper; that one rethrows and the container answered with its HTML error page. This one outranks it and
 * answers like every other failure ({@link ErrorMapper}): the domain cause if there is one, else a JSON 500.
 */
@Provider
@Priority(1)
public class TransactionFailureMapper implements ExceptionMapper<TransactionalException> {
    private final ErrorMapper errors = new ErrorMapper();

    @Override
    public Response toResponse(TransactionalException e) {
        return errors.toResponse(e);
    }
}
