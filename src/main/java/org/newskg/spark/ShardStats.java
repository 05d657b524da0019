package org.newskg.spark;

import java.io.Serializable;

/**
 * What the task that wrote one shard did: its articles, quads and facts, the executor it ran on,
 * the pipelines that executor's JVM has built, its model-load time and peak heap, and the seconds
 * the task spent extracting.
 */
record ShardStats(int partition, int articles, long quads, long facts, String executor, int pipelines, double loadSeconds,
                  long peakHeapMb, double seconds) implements Serializable {}
