package org.newskg.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import org.apache.jena.atlas.json.JsonNumber;
import org.apache.jena.atlas.json.JsonValue;

/**
 * Small measuring helpers for the benchmarks: percentiles of samples and the JVM's peak heap,
 * read from the heap memory pools' peak usage (reset between phases).
 *
 * <pre>{@code
 * Measure.resetPeakHeap();
 * work();
 * long mb = Measure.peakHeapMb();
 * }</pre>
 */
public final class Measure {
    private Measure() {}

    /** The p-th percentile (nearest rank) of the samples. */
    public static double percentile(double[] samples, double p) {
        double[] s = samples.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(p / 100.0 * s.length);
        return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
    }

    /** The median of the samples. */
    public static double median(double[] samples) {
        double[] s = samples.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** Forgets the heap pools' peak usage after a full collection, so the next peak is the next phase's. */
    public static void resetPeakHeap() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peak usage since the last reset, in MiB. */
    public static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }

    /** Heap in use right now after a full collection (live data), in MiB. */
    public static long liveHeapMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    /** A JSON number rounded to three decimals (NaN as null). */
    public static JsonValue num(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return org.apache.jena.atlas.json.JsonNull.instance;
        }
        return JsonNumber.value(Math.round(d * 1000) / 1000.0);
    }
}
