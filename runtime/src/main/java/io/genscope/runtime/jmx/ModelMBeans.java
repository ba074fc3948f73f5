package io.genscope.runtime.jmx;

import io.genscope.runtime.GenscopeThreads;
import io.genscope.runtime.RuntimeLog;
import io.genscope.runtime.analytics.Analytics;
import io.genscope.runtime.store.TelemetryStore;

import javax.management.ObjectName;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps one Model MBean per model the store retains, at most {@code max-models} of them plus
 * {@code (other)}, on a thread of its own: {@value #THREAD_NAME}.
 *
 * <p>Why a thread: the store learns that a model entered or left the retention on the host's
 * thread, inside an intercepted call. Registering there would take the MBean server's locks on
 * that thread, and unregistering would deliver the unregistration notification to the host's own
 * JMX listeners on it: host code run inside Genscope's advice, able to block it or re-enter it.
 * So the host's thread only queues the model's name and wakes this thread ({@link #changed}: a
 * lock-free queue, a counter and an unpark), and this thread asks the store where each model
 * stands now and registers or unregisters to match.
 *
 * <p>Why one thread is fine: it is started only by {@link #start}, once somebody has created the
 * platform MBean server, so a JVM nobody looks at over JMX still runs no thread of Genscope's. A
 * JVM that uses JMX already runs the JMX machinery's threads; this one adds a parked daemon
 * thread that wakes only when a model comes or goes (at most {@code max-models + 1} per slice),
 * never holds up the JVM's exit, holds no context class loader, no inherited thread-local and no
 * access context of the code that happened to create the server.
 *
 * <p>Bounded: at most {@link #capacity} names wait in the queue (two slice changes' worth:
 * {@code max-models + 1} models admitted and as many let go, twice). Past that, a change is not
 * queued; the thread reconciles every retained model instead, which ends in the same MBeans
 * except that which models get the room, when more than {@code max-models} compete, no longer
 * follows the order they were first seen in.
 *
 * <p>Thread-safe: {@link #changed} may be called by any thread at any time; the registered set
 * is confined to the Genscope thread.
 */
final class ModelMBeans {

    static final String THREAD_NAME = "genscope-jmx";

    private final Analytics analytics;
    private final TelemetryStore store;
    private final RuntimeLog log;
    private final int capacity;
    private final ConcurrentLinkedQueue<String> changed = new ConcurrentLinkedQueue<>();
    /** Names queued or being taken off the queue: never fewer than the queue holds. */
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean reconcileAll = new AtomicBoolean();
    /** Models with an MBean; confined to {@link #worker}. */
    private final Set<String> registered = new HashSet<>();
    private final AtomicBoolean failureLogged = new AtomicBoolean();
    /** Set once, before {@link #worker} starts. */
    private MBeanRegistrar registrar;
    /** The models retained when the thread was made: its first task. Set before it starts, then confined to it. */
    private List<String> retainedAtStart;
    /** {@code null} until {@link #start}. */
    private volatile Thread worker;

    ModelMBeans(Analytics analytics, TelemetryStore store, RuntimeLog log) {
        this.analytics = analytics;
        this.store = store;
        this.log = log;
        this.capacity = 4 * (store.settings().maxModels() + 1);
    }

    /**
     * Starts the thread, which first registers the models retained so far, then follows the
     * changes in the order they were queued. Called once. Changes are queued from before the
     * retained models are listed, so a model admitted meanwhile is in one or the other.
     */
    void start(MBeanRegistrar registrar) {
        this.registrar = registrar;
        Thread thread = GenscopeThreads.newDaemon(THREAD_NAME, this::run);
        worker = thread;
        retainedAtStart = store.retainedModels();
        thread.start();
    }

    /**
     * {@code model} may have entered or left the retention. Never blocks and never calls into the
     * MBean server: queues the name (or, past the capacity, asks for a full reconciliation) and
     * wakes the thread. Nothing happens before {@link #start}, which reconciles every model.
     */
    void changed(String model) {
        Thread thread = worker;
        if (thread == null) {
            return;
        }
        if (pending.getAndIncrement() < capacity) {
            changed.offer(model);
        } else {
            pending.decrementAndGet();
            reconcileAll.set(true);
        }
        LockSupport.unpark(thread);
    }

    /**
     * Catches up, then parks until {@link #changed} unparks it. A change queued while catching
     * up leaves a permit, so the next park returns at once and no change waits for the next one.
     */
    private void run() {
        while (true) {
            try {
                catchUp();
            } catch (RuntimeException | LinkageError e) {
                if (!failureLogged.getAndSet(true)) {
                    log.error("could not update the Model MBeans: " + e.getClass().getName()
                            + "; some may be missing in JConsole or stay after their model has gone");
                }
            }
            LockSupport.park(this);
        }
    }

    private void catchUp() {
        List<String> first = retainedAtStart;
        if (first != null) {
            retainedAtStart = null;
            first.forEach(this::reconcile);
        }
        if (reconcileAll.getAndSet(false)) {
            List.copyOf(registered).forEach(this::reconcile);
            store.retainedModels().forEach(this::reconcile);
        }
        for (String model = changed.poll(); model != null; model = changed.poll()) {
            pending.decrementAndGet();
            reconcile(model);
        }
    }

    /** Registers or unregisters {@code model}'s MBean to match where the model stands now. */
    private void reconcile(String model) {
        if (!store.retainsModel(model)) {
            if (registered.remove(model)) {
                registrar.unregister(name(model));
            }
        } else if (!registered.contains(model) && hasRoomFor(model)) {
            registered.add(model);
            registrar.register(name(model), new DescribedMXBean(new ModelView(analytics, model), ModelMXBean.class));
        }
    }

    /** {@code max-models} models, plus {@code (other)}. */
    private boolean hasRoomFor(String model) {
        int others = registered.contains(TelemetryStore.OTHER) ? 1 : 0;
        return model.equals(TelemetryStore.OTHER) || registered.size() - others < store.settings().maxModels();
    }

    private ObjectName name(String model) {
        return registrar.name("type=Model,name=" + MBeanNames.value(model));
    }
}
