package io.genscope.runtime.contract;

import java.time.Duration;

/** A way to read the store's figures: straight from the analytics, or through the MBean server. */
interface FiguresReader {

    /** Everything over the default window. */
    Figures all();

    /** Everything over the last {@code window}. */
    Figures allOver(Duration window);

    /** The generations started by the generation rule called {@code rule}. */
    Figures generator(String rule);

    /** The generations made with {@code model}. */
    Figures model(String model);

    /** Forget every count, as the Telemetry MBean's reset operation does. */
    void reset();
}
