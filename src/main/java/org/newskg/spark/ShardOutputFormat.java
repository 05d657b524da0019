package org.newskg.spark;

import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.newskg.shards.ShardFormat;

/**
 * Hadoop's text output with the shard name ending ({@code part-r-00000.nq.gz}): one line per
 * record, gzip-compressed, committed by Hadoop's output committer so a retried task's shard
 * replaces its failed attempt's whole.
 */
public final class ShardOutputFormat extends TextOutputFormat<NullWritable, Text> {
    @Override
    public Path getDefaultWorkFile(TaskAttemptContext context, String extension) throws IOException {
        String ext = extension.isEmpty() ? ShardFormat.SUFFIX : ".nq" + extension;
        return super.getDefaultWorkFile(context, ext);
    }
}
