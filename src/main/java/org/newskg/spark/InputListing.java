package org.newskg.spark;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.newskg.article.ArticleException;
import org.newskg.article.ArticleReader;

/**
 * Lists a Spark ingest's inputs on the driver and reads them on the executors. A local path is
 * listed exactly as {@code newskg ingest} lists it ({@link ArticleReader#expand}: the same files,
 * the same names, the same refusals of links leading out); a Hadoop file system URI
 * ({@code hdfs://}, {@code s3a://}) is listed recursively for {@code .txt} and {@code .jsonl}
 * files in name order. Executors read each file's bytes and hand them to
 * {@link ArticleReader#readContent}, so articles and bad inputs come out as {@code ingest} gives them.
 *
 * <pre>{@code
 * List<ReadItem> rejects = new ArrayList<>();
 * List<InputFile> files = InputListing.list(List.of("data/"), hadoopConf, rejects::add);
 * }</pre>
 */
final class InputListing {
    private InputListing() {}

    /** Whether an input names a file system by URI scheme (hdfs://, s3a://, file:/...). */
    static boolean isUri(String input) {
        return input.matches("^[A-Za-z][A-Za-z0-9+.-]+:/.*");
    }

    /** The files under the inputs, in reading order; listing failures go to {@code rejects}. */
    static List<InputFile> list(List<String> inputs, Configuration conf, Consumer<Reject> rejects) {
        List<InputFile> files = new ArrayList<>();
        long[] index = {0};
        Consumer<ArticleException> fail = e -> rejects.accept(new Reject(Reject.READ, index[0]++, 0, e.describe()));
        for (String input : inputs) {
            if (isUri(input) && !input.startsWith("file:")) {
                listHadoop(input, conf, files, index, fail);
                continue;
            }
            Path local = input.startsWith("file:") ? Path.of(URI.create(input)) : Path.of(input);
            for (Path f : ArticleReader.expand(local, fail)) {
                long size;
                try {
                    size = Files.size(f);
                } catch (IOException e) {
                    size = 0;
                }
                files.add(new InputFile(index[0]++, f.toString(), f.toAbsolutePath().toUri().toString(), size));
            }
        }
        return files;
    }

    private static void listHadoop(String input, Configuration conf, List<InputFile> files, long[] index,
                                   Consumer<ArticleException> fail) {
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(input);
            FileSystem fs = p.getFileSystem(conf);
            if (!fs.exists(p)) {
                fail.accept(new ArticleException(input, "no such file or directory"));
                return;
            }
            FileStatus st = fs.getFileStatus(p);
            if (st.isFile()) {
                files.add(new InputFile(index[0]++, st.getPath().toString(), st.getPath().toString(), st.getLen()));
                return;
            }
            List<LocatedFileStatus> found = new ArrayList<>();
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(p, true);
            while (it.hasNext()) {
                LocatedFileStatus f = it.next();
                String n = f.getPath().getName().toLowerCase(Locale.ROOT);
                if (f.isFile() && (n.endsWith(".txt") || n.endsWith(".jsonl"))) {
                    found.add(f);
                }
            }
            found.sort((a, b) -> a.getPath().toString().compareTo(b.getPath().toString()));
            for (LocatedFileStatus f : found) {
                files.add(new InputFile(index[0]++, f.getPath().toString(), f.getPath().toString(), f.getLen()));
            }
        } catch (IOException | IllegalArgumentException e) {
            fail.accept(new ArticleException(input, "cannot list: " + e.getMessage()));
        }
    }

    /** Reads one file on an executor: its articles and its bad inputs, in the order they come. */
    static List<ReadItem> read(InputFile f, long maxBytes, Map<String, String> hadoop) {
        List<ReadItem> out = new ArrayList<>();
        long[] seq = {0};
        Consumer<ArticleException> fail = e -> out.add(ReadItem.of(new Reject(Reject.READ, f.index(), seq[0]++, e.describe())));
        if (ArticleReader.refusedBySize(f.origin(), f.size(), maxBytes, fail)) {
            return out;
        }
        byte[] bytes;
        try {
            bytes = bytes(f.uri(), hadoop);
        } catch (IOException | RuntimeException e) {
            fail.accept(new ArticleException(f.origin(), "cannot read: " + e.getMessage()));
            return out;
        }
        String name = f.origin().substring(f.origin().lastIndexOf('/') + 1);
        ArticleReader.readContent(f.origin(), name, bytes, maxBytes,
            a -> out.add(ReadItem.of(ArticleRecord.of(a, f.index(), seq[0]++))), fail);
        return out;
    }

    private static byte[] bytes(String uri, Map<String, String> hadoop) throws IOException {
        if (uri.startsWith("file:")) {
            return Files.readAllBytes(Path.of(URI.create(uri)));
        }
        Configuration conf = new Configuration();
        hadoop.forEach(conf::set);
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(uri);
        try (InputStream in = p.getFileSystem(conf).open(p)) {
            return in.readAllBytes();
        }
    }
}
