package io.genscope.runtime.testing;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/** Work run on threads of its own, for tests of what the store keeps per thread. */
public final class Threads {

    private Threads() {
    }

    /**
     * Runs {@code task} on a new thread and waits until that thread has ended; what the task
     * threw is thrown here, so a failed assertion inside it fails the test.
     */
    public static void runToEnd(Runnable task) throws InterruptedException {
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                task.run();
            } catch (Throwable failure) {
                failed.set(failure);
            }
        });
        thread.start();
        thread.join();
        if (failed.get() != null) {
            throw new AssertionError("the task failed on its thread", failed.get());
        }
    }

    /** Waits for {@code latch}; an interrupt ends the wait early and stays set on the thread. */
    public static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
