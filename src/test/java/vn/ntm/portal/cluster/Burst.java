package vn.ntm.portal.cluster;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A check-in burst through HAProxy by an external client, open loop as in {@code CheckInBurstBenchmark}: trainee i is
 * due at {@code i / rate} seconds whatever happened before, and the time of a check-in is counted from when it was due,
 * so that a stall delays every later one in the figures too (no coordinated omission). A phone whose check-in fails
 * (an error page, a reset connection) tries again after {@value #RETRY_MILLIS} ms, as a person presses the button
 * again, until it is acknowledged (HTTP 200) or {@code giveUp} has passed since it was due.
 */
final class Burst {

    static final long RETRY_MILLIS = 500;
    /** Refused attempts by HTTP status (0: no answer, the connection failed), of every burst of this JVM. */
    static final java.util.Map<Integer, AtomicInteger> REFUSALS = new java.util.concurrent.ConcurrentSkipListMap<>();

    static void refused(int status) {
        REFUSALS.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
    }

    /** The refusals counted so far, and starts counting anew. */
    static String takeRefusals() {
        String text = REFUSALS.isEmpty() ? "none" : REFUSALS.toString();
        REFUSALS.clear();
        return text;
    }

    record Result(int trainees, double seconds, int acknowledged, int failedAttempts, int retriedPhones,
                  double firstErrorSeconds, double lastErrorSeconds, int secondsWithErrors,
                  double p50, double p95, double p99, double max, long[] ackNanos, long startNanos) {

        /** The span during which clients saw errors (seconds), 0 if none. */
        double errorWindow() {
            return failedAttempts == 0 ? 0 : lastErrorSeconds - firstErrorSeconds;
        }

        @Override
        public String toString() {
            return ("%d check-ins in %.1f s (%.0f/s), acknowledged %d; failed attempts %d (by %d phones, who tried again), errors seen"
                    + " from %.1f s to %.1f s of the burst (%d distinct seconds with an error); time from due to acknowledged ms:"
                    + " p50 %.1f, p95 %.1f, p99 %.1f, max %.1f").formatted(trainees, seconds, trainees / seconds, acknowledged,
                    failedAttempts, retriedPhones, firstErrorSeconds, lastErrorSeconds, secondsWithErrors, p50, p95, p99, max);
        }
    }

    private Burst() {
    }

    /**
     * Runs the burst; {@code during} (may be null) runs on its own thread {@code after} the start, e.g. to kill a node.
     */
    static Result run(ClusterWorld world, ClusterWorld.Fixture fixture, int trainees, int rate, int clients, Duration giveUp,
                      Duration after, ThrowingRunnable during) throws Exception {
        long[] due = new long[trainees];
        long[] acked = new long[trainees];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        ConcurrentSkipListSet<Long> errorTimes = new ConcurrentSkipListSet<>();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        Thread fault = null;
        if (during != null) {
            fault = Thread.ofPlatform().name("fault").start(() -> {
                LockSupport.parkNanos(after.toNanos());
                try {
                    during.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < trainees) {
                        due[i] = start + i * interval;
                        long wait = due[i] - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        boolean firstFailure = true;
                        while (acked[i] == 0 && System.nanoTime() - due[i] < giveUp.toNanos()) {
                            int status;
                            try {
                                status = world.http.send(world.checkIn(fixture, i), HttpResponse.BodyHandlers.discarding()).statusCode();
                            } catch (java.io.IOException e) {
                                status = 0;
                            }
                            boolean ok = status == 200;
                            if (!ok) {
                                refused(status);
                            }
                            if (ok) {
                                acked[i] = System.nanoTime();
                            } else {
                                failed.incrementAndGet();
                                errorTimes.add(System.nanoTime() - start);
                                if (firstFailure) {
                                    retried.incrementAndGet();
                                    firstFailure = false;
                                }
                                Thread.sleep(RETRY_MILLIS);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        }
        if (fault != null) {
            fault.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] latency = new long[trainees];
        int acknowledged = 0;
        for (int i = 0; i < trainees; i++) {
            if (acked[i] != 0) {
                acknowledged++;
                latency[i] = acked[i] - due[i];
            } else {
                latency[i] = Long.MAX_VALUE;
            }
        }
        Arrays.sort(latency);
        long distinctSeconds = errorTimes.stream().map(t -> t / 1_000_000_000L).distinct().count();
        return new Result(trainees, seconds, acknowledged, failed.get(), retried.get(),
                errorTimes.isEmpty() ? 0 : errorTimes.first() / 1e9, errorTimes.isEmpty() ? 0 : errorTimes.last() / 1e9,
                (int) distinctSeconds, ms(latency, 0.50), ms(latency, 0.95), ms(latency, 0.99), ms(latency, 1.0), acked, start);
    }

    /**
     * Check-ins as fast as {@code clients} clients can send them (each one new): the cluster's ceiling. A refused one
     * is counted in {@link #REFUSALS} and not tried again.
     */
    static double flatOut(ClusterWorld world, ClusterWorld.Fixture fixture, int n, int clients) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < n) {
                        int status = world.http.send(world.checkIn(fixture, i), HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status != 200) {
                            errors.incrementAndGet();
                            refused(status);
                        }
                    }
                    return null;
                });
            }
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static double ms(long[] sorted, double quantile) {
        long v = sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(quantile * sorted.length) - 1))];
        return v == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : v / 1e6;
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
