package io.genscope.runtime.jmx;

import io.genscope.runtime.analytics.Analytics;
import io.genscope.runtime.store.Dimension;

/** The {@link ModelMXBean} of one model. */
final class ModelView extends FiguresView implements ModelMXBean {

    private final String model;

    ModelView(Analytics analytics, String model) {
        super(analytics, Dimension.model(model), analytics.defaultWindow());
        this.model = model;
    }

    @Override
    public String getModel() {
        return model;
    }
}
