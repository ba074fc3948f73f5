package io.genscope.runtime.store;

import io.genscope.runtime.testing.TestSettings;
import io.genscope.runtime.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.genscope.runtime.testing.Records.generation;
import static io.genscope.runtime.testing.Records.record;
import static io.genscope.runtime.testing.Records.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Nothing older than the retention stays reachable from the store: raw events (of the thread
 * that goes on recording, and of one that sits idle), a thread's last validation record, and the
 * keyed counts and models of slices past it. Each test holds what it recorded only weakly and
 * checks that a full GC collects it once the retention has passed.
 */
class RetentionTest {

    private static final Duration RESOLUTION = Duration.ofSeconds(1);
    private static final Duration RETENTION = Duration.ofSeconds(10);

    private final ManualClock clock = new ManualClock();
    private final List<String> changedModels = new ArrayList<>();
    private final ExecutorService idleThread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopThread() {
        idleThread.shutdownNow();
    }

    @Test
    void anIdleThreadsEventsGoOnceAnotherThreadMovesOnPastTheRetention() throws Exception {
        TelemetryStore store = store(100);
        WeakReference<ErrorInfo> error = idleThread.submit(() -> failedValidation(store)).get();

        clock.advance(RETENTION.plus(RESOLUTION));
        success(store, "m", Duration.ZERO);

        assertCollected(error);
    }

    @Test
    void aThreadsOwnExpiredEventsGoWhenItMovesOn() {
        TelemetryStore store = store(100);
        WeakReference<ErrorInfo> error = failedValidation(store);

        clock.advance(RETENTION.plus(RESOLUTION));
        success(store, "m", Duration.ZERO);

        assertCollected(error);
        assertThat(store.events(10)).hasSize(2);
    }

    @Test
    void anExportDropsTheEventsOfAThreadIdlePastTheRetention() throws Exception {
        TelemetryStore store = store(100);
        WeakReference<ErrorInfo> error = idleThread.submit(() -> failedValidation(store)).get();

        clock.advance(RETENTION.plus(RESOLUTION));

        assertThat(store.events(10)).isEmpty();
        assertCollected(error);
    }

    /**
     * The totals since start keep the first copy of a name they count, by design (a name keeps
     * its series for good); a later copy, counted only in slices, goes with them.
     */
    @Test
    void slicesPastTheRetentionLetGoOfTheirKeysAndModels() {
        TelemetryStore store = store(0);
        failure(store, "com.acme.Boom");
        store.cumulative();
        clock.advance(RESOLUTION);
        WeakReference<String> key = failure(store, "com.acme.Boom");
        assertThat(store.retainsModel("gone-model")).isTrue();

        clock.advance(RETENTION.plus(RESOLUTION));
        store.totals(RETENTION, Dimension.all());

        assertCollected(key);
        assertThat(store.retainsModel("gone-model")).isFalse();
        assertThat(changedModels).containsOnly("gone-model");
        assertThat(store.cumulative().generator(0).failureTypes()).containsExactly(entry("com.acme.Boom", 2L));
    }

    /** A generation of "gone-model" failing with a fresh copy of {@code type}, held weakly. */
    private WeakReference<String> failure(TelemetryStore store, String type) {
        String failureType = new String(type.toCharArray());
        GenerationRecord failed = generation("gone-model");
        failed.failureType = failureType;
        record(store, failed);
        return new WeakReference<>(failureType);
    }

    private TelemetryStore store(int events) {
        return new TelemetryStore(TestSettings.slices(RESOLUTION, RETENTION, RETENTION).eventRingSize(events).build(),
                1, clock, changedModels::add);
    }

    /** A failed validation with one error, recorded on the calling thread; the error held weakly. */
    private WeakReference<ErrorInfo> failedValidation(TelemetryStore store) {
        ValidationRecord validation = new ValidationRecord();
        validation.begin("compile", 0);
        validation.ok = false;
        ErrorInfo error = store.error("E1", null, "a message quoting code");
        validation.errors.add(error);
        store.validationCompleted(store.currentThread(), null, validation, clock.monotonicNanos());
        return new WeakReference<>(error);
    }

    private static void assertCollected(WeakReference<?> reference) {
        for (int i = 0; i < 5 && reference.get() != null; i++) {
            System.gc();
        }
        assertThat(reference.get()).as("still reachable past the retention").isNull();
    }
}
