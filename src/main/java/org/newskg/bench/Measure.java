package org.newskg.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.atlas.json.JsonNumber;
import org.apache.jena.atlas.json.JsonValue;

/**
 * Small measuring helpers for the benchmarks: percentiles of samples and the JVM's peak heap,
 * sampled every 20 ms by a daemon thread (the heap pools' own peaks cannot simply be added: each
 * pool peaks at a different moment), reset between phases.
 *
 * <pre>{@code
 * Measure.resetPeakHeap();
 * work();
 * long mb = Measure.peakHeapMb();
 * }</pre>
 */
public final class Measure {
    private static final AtomicLong PEAK = new AtomicLong();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    static {
        Thread t = new Thread(() -> {
            while (true) {
                PEAK.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "newskg-heap-sampler");
        t.setDaemon(true);
        t.start();
    }

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

    /** Forgets the peak after a full collection, so the next peak is the next phase's. */
    public static void resetPeakHeap() {
        System.gc();
        PEAK.set(MEMORY.getHeapMemoryUsage().getUsed());
    }

    /** The highest heap use sampled since the last reset, in MiB. */
    public static long peakHeapMb() {
        return Math.max(PEAK.get(), MEMORY.getHeapMemoryUsage().getUsed()) / (1024 * 1024);
    }

    /** Heap in use right now after a full collection (live data), in MiB. */
    public static long liveHeapMb() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    /** A JSON number rounded to three decimals (NaN as null). */
    public static JsonValue num(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return org.apache.jena.atlas.json.JsonNull.instance;
        }
        return JsonNumber.value(Math.round(d * 1000) / 1000.0);
    }
}
