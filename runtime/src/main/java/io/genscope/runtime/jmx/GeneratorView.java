package io.genscope.runtime.jmx;

import io.genscope.runtime.analytics.Analytics;
import io.genscope.runtime.store.Dimension;

/** The {@link GeneratorMXBean} of one generation rule. */
final class GeneratorView extends FiguresView implements GeneratorMXBean {

    private final String rule;

    GeneratorView(Analytics analytics, int ruleIndex, String rule) {
        super(analytics, Dimension.rule(ruleIndex), analytics.defaultWindow());
        this.rule = rule;
    }

    @Override
    public String getRule() {
        return rule;
    }
}
