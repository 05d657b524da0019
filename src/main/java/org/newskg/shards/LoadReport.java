package org.newskg.shards;

/**
 * What one {@code newskg load} did: shard files read, articles loaded, how many of them replaced
 * an article already in the store, quads loaded, and the seconds it took.
 */
public record LoadReport(int shards, int articles, int replaced, long quads, double seconds) {}
