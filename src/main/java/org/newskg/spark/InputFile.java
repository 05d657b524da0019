package org.newskg.spark;

import java.io.Serializable;

/**
 * One input file of a Spark ingest, as the driver lists it: its place in the reading order, the
 * name {@code newskg ingest} would give it in reports and in the meta graph ({@code origin}), the
 * URI executors read it from, and its size in bytes.
 */
record InputFile(long index, String origin, String uri, long size) implements Serializable {}
