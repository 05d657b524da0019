package org.newskg.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeMap;
import java.util.Map;

/**
 * newskg's one settings file, CoreNLP-style namespaced properties ({@code store.*},
 * {@code ingest.*}, {@code nlp.*}, {@code serve.*}). Defaults ship in
 * {@code newskg/newskg.properties} on the classpath; a user file and then command-line options
 * override them, in that order. Every {@code nlp.X} key is handed to CoreNLP as {@code X}.
 *
 * <pre>{@code
 * Settings s = Settings.load(Path.of("my.properties")).with("ingest.threads", "1");
 * int threads = s.getInt("ingest.threads");
 * }</pre>
 */
public final class Settings {
    private static final String DEFAULTS = "/newskg/newskg.properties";
    private final Properties props;

    private Settings(Properties props) {
        this.props = props;
    }

    /** The shipped defaults. */
    public static Settings defaults() {
        Properties p = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("missing " + DEFAULTS + " on the classpath");
            }
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULTS, e);
        }
        return new Settings(p);
    }

    /** Defaults overridden by a user file (null for none). */
    public static Settings load(Path file) throws IOException {
        Settings s = defaults();
        if (file != null) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                s.props.load(r);
            }
        }
        return s;
    }

    /** A copy with one key set; a null value leaves the setting as it is. */
    public Settings with(String key, Object value) {
        Properties p = new Properties();
        p.putAll(props);
        if (value != null) {
            p.setProperty(key, value.toString());
        }
        return new Settings(p);
    }

    /** A setting's value, or null. */
    public String get(String key) {
        String v = props.getProperty(key);
        return v == null ? null : v.strip();
    }

    /** A setting's value, or the fallback. */
    public String get(String key, String fallback) {
        String v = get(key);
        return v == null || v.isEmpty() ? fallback : v;
    }

    /** An integer setting; a malformed value is reported with its key. */
    public int getInt(String key) {
        String v = get(key);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("setting " + key + " must be an integer, not '" + v + "'");
        }
    }

    /** A boolean setting. */
    public boolean getBoolean(String key) {
        return Boolean.parseBoolean(get(key, "false"));
    }

    /** All keys under a prefix, with the prefix removed ({@code nlp.ner.x} becomes {@code ner.x}). */
    public Properties withPrefix(String prefix) {
        Properties out = new Properties();
        for (String k : props.stringPropertyNames()) {
            if (k.startsWith(prefix)) {
                out.setProperty(k.substring(prefix.length()), props.getProperty(k).strip());
            }
        }
        return out;
    }

    /** Every setting, sorted, for display. */
    public Map<String, String> asMap() {
        Map<String, String> m = new TreeMap<>();
        props.stringPropertyNames().forEach(k -> m.put(k, props.getProperty(k)));
        return m;
    }
}
