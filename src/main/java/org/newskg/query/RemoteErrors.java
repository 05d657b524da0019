package org.newskg.query;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.util.function.Supplier;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;

/**
 * Turns the exceptions of talking to a SPARQL server into one-line messages: the server refusing
 * the query (4xx) is bad input ({@link IllegalArgumentException}), an unreachable or failing
 * server a {@link RemoteStoreException}.
 *
 * <pre>{@code
 * List<Map<String, String>> rows = RemoteErrors.translate(url, () -> runner.rows(query));
 * }</pre>
 */
public final class RemoteErrors {
    /** A server that cannot be reached or that failed. */
    public static final class RemoteStoreException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public RemoteStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private RemoteErrors() {}

    /** Runs {@code work}, translating HTTP failures from {@code url}. */
    public static <T> T translate(String url, Supplier<T> work) {
        try {
            return work.get();
        } catch (QueryExceptionHTTP e) {
            int code = e.getStatusCode();
            if (code <= 0) {
                throw unreachable(url, e);
            }
            String detail = LibraryQuery.oneLine(e.getResponse() == null ? e.getMessage() : e.getResponse());
            if (code >= 400 && code < 500) {
                throw new IllegalArgumentException(url + " refused the query (HTTP " + code + "): " + detail, e);
            }
            throw new RemoteStoreException(url + " failed (HTTP " + code + "): " + detail, e);
        } catch (HttpException e) {
            throw unreachable(url, e);
        }
    }

    /** The message for a server that cannot be reached. */
    public static RemoteStoreException unreachable(String url, Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof ConnectException) && !(t instanceof HttpConnectTimeoutException)) {
            t = t.getCause();
        }
        String why = t instanceof ConnectException || t instanceof HttpConnectTimeoutException
            ? "connection refused or timed out" : LibraryQuery.oneLine(t.getMessage());
        return new RemoteStoreException("cannot reach " + url + ": " + why + " (is 'newskg serve' running there?)", e);
    }
}
