package org.newskg.cli;

import java.net.URI;
import java.net.URISyntaxException;
import org.newskg.serve.NewsServer;

/** The {@code --server URL} of commands that can go through a running {@code newskg serve} instead of opening the store. */
final class ServerOption {
    private ServerOption() {}

    /** The server's base URL without a trailing slash, refusing anything that is not an http(s) URL. */
    static String base(String url) {
        String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        try {
            URI uri = new URI(u);
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new IllegalArgumentException("--server takes an http URL such as http://127.0.0.1:3030, not '" + url + "'");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--server takes an http URL such as http://127.0.0.1:3030, not '" + url + "'");
        }
        return u;
    }

    /** The server's SPARQL query endpoint. */
    static String sparql(String url) {
        return base(url) + NewsServer.DATASET + "/sparql";
    }
}
